package org.warmstation.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.warmstation.architecture.fixture.domain.LeakyDomainService;

/** The shared rules are not vacuous: a domain class that uses JDBC is reported. */
class ArchitectureRulesCatchViolationsTest {

    @Test
    void domainRuleReportsJdbcInADomainPackage() {
        var classes = new ClassFileImporter().importClasses(LeakyDomainService.class);
        AssertionError e = assertThrows(AssertionError.class, () -> CommonArchitectureTest.DOMAIN_IS_FRAMEWORK_FREE.check(classes));
        assertTrue(e.getMessage().contains("java.sql.Connection"), e.getMessage());
    }
}
