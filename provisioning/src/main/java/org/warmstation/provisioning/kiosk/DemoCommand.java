package org.warmstation.provisioning.kiosk;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.warmstation.kiosk.app.KioskLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station demo}: the kiosk with a demo district key, sample cards and a simulated camera;
 * no broker and no Raspberry Pi needed. Exit code 0 when the window was closed, 2 when the demo
 * data cannot be prepared, 3 when there is no display.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Run the kiosk as a demo: sample cards, simulated camera, no Pi or broker needed.",
        description = {"Run the kiosk as a demo: sample member cards (valid and invalid) on a card tray, each tap",
                "holds one up to a simulated camera; scans go the real way (QR decoder, verifier, SQLite).",
                "The demo staff PIN is 2468.",
                "It also shows the sync: an in-process MQTT broker and the district receiver with an embedded",
                "PostgreSQL (in DIR/district) start in the background; the staff screen shows the visits the",
                "district holds. Use --no-sync for the kiosk alone."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "demo data folder (key, cards, visit log); default: ./demo-data")
    Path dataDir;

    @Option(names = "--windowed", description = "a window instead of full screen")
    boolean windowed;

    @Option(names = "--no-sync", description = "no broker, district or sync agent: the kiosk alone")
    boolean noSync;

    @Override
    public Integer call() {
        Path dir = dataDir == null ? KioskLauncher.Options.defaultDemoDir() : dataDir.toAbsolutePath();
        var err = spec.commandLine().getErr();
        int code = KioskLauncher.run(new KioskLauncher.Options(true, Optional.empty(), dir, windowed), line -> {
            err.println(line);
            err.flush();
        }, (runtime, config) -> noSync ? org.warmstation.kiosk.sync.StationServices.NONE
                : DemoSyncServices.start(dir, runtime.demo().orElseThrow()));
        return code;
    }
}
