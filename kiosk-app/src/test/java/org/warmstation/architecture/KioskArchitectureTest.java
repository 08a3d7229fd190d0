package org.warmstation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class KioskArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.kiosk";
    }

    @Test
    void domainDependsOnNoOtherKioskPackage() {
        noClasses().that().resideInAPackage("org.warmstation.kiosk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.warmstation.visitlog.store..", "org.warmstation.visitlog.time..", "org.warmstation.kiosk.ui..",
                        "org.warmstation.kiosk.config..", "org.warmstation.kiosk.card..", "org.warmstation.kiosk.demo..",
                        "org.warmstation.kiosk.app..")
                .because("the visit service and its contracts are the core; storage, clock and UI plug into it")
                .check(new ClassFileImporter()
                        .withImportOption(location -> !location.contains("/test-classes/"))
                        .importPackages(rootPackage()));
    }
}
