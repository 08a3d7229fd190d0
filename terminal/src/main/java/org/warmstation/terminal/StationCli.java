package org.warmstation.terminal;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./station} and of the installed {@code warm-station}: every command a user
 * or technician types. The terminal's assembly (kiosk with its sync agent, demo, sync bench) sits
 * in this module; the technician's tools (keys, cards, enrollment, station setup, scan bench,
 * hardware test) come from module provisioning, the district's receiver from district-server.
 */
@Command(name = "station", mixinStandardHelpOptions = true, version = "warm-station 0.1.0",
        description = "Warm-station terminal: kiosk, scanning, district keys, member cards, station setup.",
        subcommands = {CommandLine.HelpCommand.class,
                org.warmstation.provisioning.district.DistrictCommand.class,
                org.warmstation.provisioning.cards.CardCommand.class,
                org.warmstation.provisioning.station.StationCommand.class,
                org.warmstation.provisioning.scan.ScanBenchCommand.class,
                org.warmstation.terminal.bench.SyncBenchCommand.class,
                org.warmstation.terminal.kiosk.DemoCommand.class,
                org.warmstation.terminal.kiosk.KioskCommand.class,
                org.warmstation.terminal.kiosk.UpdateCommand.class,
                org.warmstation.provisioning.hardware.HwTestCommand.class,
                org.warmstation.provisioning.hardware.DoorSafeCommand.class,
                org.warmstation.district.DistrictServerCli.class})
public final class StationCli {

    /**
     * The whole command line, its help listing every command as a tree. Not thread-safe: one per
     * run.
     *
     * @return a new command line, not yet run
     */
    public static CommandLine commandLine() {
        CommandLine cl = CommandListRenderer.install(new CommandLine(new StationCli()));
        cl.setExecutionExceptionHandler(StationCli::failed);
        return cl;
    }

    /**
     * A command that throws instead of reporting itself (the {@code district-server} commands, as
     * {@code DistrictServerCli} runs them on their own): bad input — an argument, a file, the
     * database refusing — is one line naming the command and the cause; anything else is a bug
     * and keeps its stack trace.
     */
    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                || e instanceof java.sql.SQLException)) {
            e.printStackTrace(new java.io.PrintWriter(cmd.getErr(), true));
        }
        cmd.getErr().flush();
        return 1;
    }

    /**
     * Runs one command and ends the JVM with its exit code.
     *
     * @param args command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
