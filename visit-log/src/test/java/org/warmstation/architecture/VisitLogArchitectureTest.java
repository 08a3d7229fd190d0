package org.warmstation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class VisitLogArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.visitlog";
    }

    @Test
    void visitLogKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("org.warmstation.visitlog..")
                .should().dependOnClassesThat().resideInAnyPackage("org.warmstation.kiosk..", "org.warmstation.sync..",
                        "org.warmstation.devices..", "org.warmstation.provisioning..", "org.warmstation.district..",
                        "javafx..", "com.pi4j..", "org.eclipse.paho..")
                .because("the visit log sits beneath both the kiosk and the sync agent")
                .check(new ClassFileImporter()
                        .withImportOption(location -> !location.contains("/test-classes/"))
                        .importPackages(rootPackage()));
    }
}
