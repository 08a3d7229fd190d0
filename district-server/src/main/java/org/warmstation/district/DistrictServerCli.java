package org.warmstation.district;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Command line of the district union office's server: {@code run}, {@code report},
 * {@code stations}, {@code register-key}, {@code reconcile}, {@code user}, {@code card}, {@code trust-list}, {@code station}, {@code update} (one class each in this package). Exit
 * codes: 0 done, 1 failure (the message says why), 2 bad usage.
 */
@Command(name = "district-server", mixinStandardHelpOptions = true,
        description = "Receives the warm stations' visits over MQTT into PostgreSQL, reconciles day summaries, reports.",
        subcommands = {RunCommand.class, ReportCommand.class, StationsCommand.class, RegisterKeyCommand.class,
                ReconcileCommand.class, UserCommand.class, CardCommand.class, TrustListCommand.class,
                StationCommand.class, RetentionCommand.class, QuarantineCommand.class, UpdateCommand.class,
                EnrollmentCommand.class, RescueCommand.class})
public final class DistrictServerCli {

    /**
     * @param args command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured picocli command line (for tests and for embedding) */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DistrictServerCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("district-server: " + e.getMessage());
            return 1;
        });
        return cl;
    }
}
