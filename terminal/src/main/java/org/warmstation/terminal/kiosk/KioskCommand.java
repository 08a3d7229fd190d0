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
 * {@code station kiosk --config FILE}: the check-in kiosk of a station, full screen. Exit code 0
 * when the window was closed, 2 for a bad configuration, 3 when there is no display.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        header = "Run the check-in kiosk of this station (full screen).",
        description = {"Run the station's check-in kiosk (touch screen, card scanner, visit log) and, beside it,",
                "the sync agent that sends every visit to the district's broker (broker.* and sync.* keys)."})
public final class KioskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the station configuration file")
    Path config;

    @Option(names = "--windowed", description = "a window instead of full screen")
    boolean windowed;

    @Option(names = "--insecure-lab", description = {"lab mode: enroll from a code of a tcp:// broker (unencrypted;",
            "the kiosk shows a LAB MODE banner). Without it only ssl:// codes with the broker's CA pin are accepted."})
    boolean insecureLab;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        return KioskLauncher.run(new KioskLauncher.Options(false, Optional.of(config),
                KioskLauncher.Options.defaultDemoDir(), windowed, insecureLab), line -> {
                    err.println(line);
                    err.flush();
                }, (runtime, cfg) -> SyncWiring.start(cfg.orElseThrow(), runtime));
    }
}
