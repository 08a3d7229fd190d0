package org.warmstation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules every module shares; each module subclasses this test and names its own
 * root package. Domain code is {@code org.warmstation.protocol..} and every {@code ..domain..}
 * package: it may not touch a UI toolkit, the GPIO library, the MQTT client or JDBC.
 */
public abstract class CommonArchitectureTest {

    /** @return the root package of the module under test, e.g. {@code org.warmstation.kiosk} */
    protected abstract String rootPackage();

    private JavaClasses classes() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage());
    }

    @Test
    void domainCodeUsesNoFrameworkOrIo() {
        noClasses().that().resideInAnyPackage("org.warmstation.protocol..", "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "com.pi4j..", "org.eclipse.paho..", "java.sql..", "javax.sql..")
                .because("domain code must run and be tested without a screen, a Pi, a broker or a database")
                .allowEmptyShould(true)
                .check(classes());
    }

    @Test
    void protocolDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.warmstation.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.warmstation.devices..", "org.warmstation.kiosk..", "org.warmstation.sync..",
                        "org.warmstation.provisioning..", "org.warmstation.district..")
                .because("protocol is shared by all modules; dependencies point one way")
                .allowEmptyShould(true)
                .check(classes());
    }

    @Test
    void protocolDoesNoIo() {
        noClasses().that().resideInAPackage("org.warmstation.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .because("protocol holds formats only; I/O belongs to the modules that use them")
                .allowEmptyShould(true)
                .check(classes());
    }
}
