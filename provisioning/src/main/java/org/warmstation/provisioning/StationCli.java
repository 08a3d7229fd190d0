package org.warmstation.provisioning;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./station}: every command a user or technician types. */
@Command(name = "station", mixinStandardHelpOptions = true, version = "warm-station 0.1.0",
        description = "Warm-station terminal: kiosk, scanning, district keys, member cards, station setup.",
        subcommands = {CommandLine.HelpCommand.class,
                org.warmstation.provisioning.district.DistrictCommand.class,
                org.warmstation.provisioning.cards.CardCommand.class,
                org.warmstation.provisioning.station.StationCommand.class,
                org.warmstation.provisioning.scan.ScanBenchCommand.class,
                org.warmstation.provisioning.sync.SyncBenchCommand.class,
                org.warmstation.provisioning.kiosk.DemoCommand.class,
                org.warmstation.provisioning.kiosk.KioskCommand.class,
                org.warmstation.provisioning.hardware.HwTestCommand.class,
                org.warmstation.district.DistrictServerCli.class})
public final class StationCli {

    /**
     * @param args command line
     */
    public static void main(String[] args) {
        int code = CommandListRenderer.install(new CommandLine(new StationCli())).execute(args);
        System.exit(code);
    }
}
