package org.warmstation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules every module shares; each module subclasses this test and names its own
 * root package. Domain code is {@code org.warmstation.protocol..} and every {@code ..domain..}
 * package: it may not touch a UI toolkit, the GPIO library, the MQTT client or JDBC.
 */
public abstract class CommonArchitectureTest {

    /** Domain code runs and is tested without a screen, a Pi, a broker or a database. */
    static final ArchRule DOMAIN_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAnyPackage("org.warmstation.protocol..", "..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "com.pi4j..", "org.eclipse.paho..", "java.sql..", "javax.sql..")
            .because("domain code must run and be tested without a screen, a Pi, a broker or a database")
            .allowEmptyShould(true);

    /** Dependencies point one way: protocol is at the bottom. */
    static final ArchRule PROTOCOL_DEPENDS_ON_NOTHING_OF_OURS = noClasses()
            .that().resideInAPackage("org.warmstation.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.warmstation.devices..", "org.warmstation.kiosk..", "org.warmstation.sync..",
                    "org.warmstation.provisioning..", "org.warmstation.district..", "org.warmstation.terminal..")
            .because("protocol is shared by all modules; dependencies point one way")
            .allowEmptyShould(true);

    /** Protocol holds formats only: no files, no network (in-memory streams and IOException are fine). */
    static final ArchRule PROTOCOL_DOES_NO_IO = noClasses()
            .that().resideInAPackage("org.warmstation.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|RandomAccessFile|Console).*")
            .because("protocol holds formats only; I/O belongs to the modules that use them")
            .allowEmptyShould(true);

    /**
     * The transport sits on the visit log, not on the kiosk: the sync agent runs (and is tested)
     * without a screen, and the kiosk can change without touching it.
     */
    static final ArchRule SYNC_USES_NO_KIOSK = noClasses()
            .that().resideInAPackage("org.warmstation.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("org.warmstation.kiosk..", "javafx..", "com.pi4j..")
            .because("the sync agent sits on the visit log (module visit-log), not on the kiosk or its toolkit")
            .allowEmptyShould(true);

    /** Views and view models reach storage only through the visit service and its backends. */
    static final ArchRule UI_USES_NO_STORE = noClasses()
            .that().resideInAPackage("org.warmstation.kiosk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.warmstation.visitlog.store..",
                    "org.warmstation.visitlog.outbox..", "java.sql..", "javax.sql..")
            .because("UI code holds screen state; the visit service owns the store and the outbox")
            .allowEmptyShould(true);

    /** Every device is behind a role interface; only its Pi4J implementation knows Pi4J. */
    static final ArchRule ONLY_PI4J_DEVICES_USE_PI4J = noClasses()
            .that().resideOutsideOfPackage("org.warmstation.devices.pi4j..")
            .should().dependOnClassesThat().resideInAPackage("com.pi4j..")
            .because("hardware is reached through the device roles; org.warmstation.devices.pi4j implements them")
            .allowEmptyShould(true);

    /**
     * The terminal's assembly (module terminal) is the top: the command line, the kiosk's sync
     * wiring and the demo use the other modules, none of them uses it (decision 0110).
     */
    static final ArchRule NOTHING_USES_THE_TERMINAL = noClasses()
            .that().resideOutsideOfPackage("org.warmstation.terminal..")
            .should().dependOnClassesThat().resideInAPackage("org.warmstation.terminal..")
            .because("the terminal's assembly sits on top of every other module; dependencies point one way")
            .allowEmptyShould(true);

    /**
     * The kiosk and the sync agent meet in one place, the terminal's assembly: no class elsewhere
     * uses both (decision 0110).
     */
    static final ArchRule ONLY_THE_TERMINAL_WIRES_KIOSK_TO_SYNC = noClasses()
            .that().resideOutsideOfPackage("org.warmstation.terminal..")
            .and(useClassesIn("org.warmstation.kiosk.."))
            .should().dependOnClassesThat().resideInAPackage("org.warmstation.sync..")
            .because("the kiosk and the sync agent are wired together in module terminal only")
            .allowEmptyShould(true);

    private static DescribedPredicate<JavaClass> useClassesIn(String packageIdentifier) {
        DescribedPredicate<JavaClass> inPackage = JavaClass.Predicates.resideInAPackage(packageIdentifier);
        return DescribedPredicate.describe("use classes in " + packageIdentifier,
                c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> inPackage.test(d.getTargetClass())));
    }

    /** @return the root package of the module under test, e.g. {@code org.warmstation.kiosk} */
    protected abstract String rootPackage();

    /** Main classes only; test classes may do anything (the build folder's name may vary). */
    private JavaClasses classes() {
        return new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(rootPackage());
    }

    @Test
    void domainCodeUsesNoFrameworkOrIo() {
        DOMAIN_IS_FRAMEWORK_FREE.check(classes());
    }

    @Test
    void protocolDependsOnNothingOfOurs() {
        PROTOCOL_DEPENDS_ON_NOTHING_OF_OURS.check(classes());
    }

    @Test
    void protocolDoesNoIo() {
        PROTOCOL_DOES_NO_IO.check(classes());
    }

    @Test
    void syncUsesNoKiosk() {
        SYNC_USES_NO_KIOSK.check(classes());
    }

    @Test
    void uiUsesNoStoreOrOutbox() {
        UI_USES_NO_STORE.check(classes());
    }

    @Test
    void onlyPi4jDevicesUsePi4j() {
        ONLY_PI4J_DEVICES_USE_PI4J.check(classes());
    }

    @Test
    void nothingUsesTheTerminal() {
        NOTHING_USES_THE_TERMINAL.check(classes());
    }

    @Test
    void onlyTheTerminalWiresKioskToSync() {
        ONLY_THE_TERMINAL_WIRES_KIOSK_TO_SYNC.check(classes());
    }
}
