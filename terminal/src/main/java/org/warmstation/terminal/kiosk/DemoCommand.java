package org.warmstation.terminal.kiosk;

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
                "The demo staff PIN is 246810.",
                "It also shows the sync: an in-process MQTT broker and the district receiver with an embedded",
                "PostgreSQL (in DIR/district) start in the background; the staff screen shows the visits the",
                "district holds. The district also holds about 40 simulated Chaoyang stations with 30 days of",
                "visits (labelled （模拟）) and serves its web console on 127.0.0.1: the URL and a demo login",
                "are printed. Use --no-sync for the kiosk alone."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "demo data folder (key, cards, visit log); default: ./demo-data")
    Path dataDir;

    @Option(names = "--windowed", description = "a window instead of full screen")
    boolean windowed;

    @Option(names = "--no-sync", description = "no broker, district, console or sync agent: the kiosk alone")
    boolean noSync;

    @Option(names = "--console-port", paramLabel = "PORT", defaultValue = "8080",
            description = "port of the district's web console on 127.0.0.1 (default: ${DEFAULT-VALUE}; a free one when taken; 0: any free one)")
    int consolePort;

    @Override
    public Integer call() {
        Path dir = dataDir == null ? KioskLauncher.Options.defaultDemoDir() : dataDir.toAbsolutePath();
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (consolePort < 0 || consolePort > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--console-port must be 0-65535, not " + consolePort);
        }
        DemoSyncServices.Console web = new DemoSyncServices.Console(consolePort, line -> {
            out.println(line);
            out.flush();
        });
        int code = KioskLauncher.run(new KioskLauncher.Options(true, Optional.empty(), dir, windowed), line -> {
            err.println(line);
            err.flush();
        }, (runtime, config) -> noSync ? org.warmstation.kiosk.sync.StationServices.NONE
                : DemoSyncServices.start(dir, runtime.demo().orElseThrow(), runtime.peripherals().states(), web));
        return code;
    }
}
