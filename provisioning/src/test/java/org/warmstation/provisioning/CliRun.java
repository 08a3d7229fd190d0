package org.warmstation.provisioning;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs a command line in this JVM and captures what it prints: provisioning's own commands under a
 * root named {@code station} ({@link #run(String...)}), or any root, e.g. the whole
 * {@code ./station} of module terminal ({@link #run(CommandLine, String...)}).
 *
 * @param exitCode the exit code the process would end with
 * @param out      standard output
 * @param err      standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /**
     * @param args the command line after {@code ./station}, a provisioning command
     * @return exit code and output
     */
    public static CliRun run(String... args) {
        return run(new CommandLine(new ProvisioningCommands()), args);
    }

    /**
     * @param cl   the root command line, not run yet; its output writers are replaced
     * @param args the command line after the root's name
     * @return exit code and output
     */
    public static CliRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nout: " + out + "\nerr: " + err;
    }

    /** Provisioning's commands as {@code ./station} names them (module terminal adds the rest). */
    @CommandLine.Command(name = "station", mixinStandardHelpOptions = true,
            subcommands = {CommandLine.HelpCommand.class,
                    org.warmstation.provisioning.district.DistrictCommand.class,
                    org.warmstation.provisioning.cards.CardCommand.class,
                    org.warmstation.provisioning.station.StationCommand.class,
                    org.warmstation.provisioning.scan.ScanBenchCommand.class,
                    org.warmstation.provisioning.hardware.HwTestCommand.class,
                    org.warmstation.provisioning.hardware.DoorSafeCommand.class})
    static final class ProvisioningCommands {
    }
}
