package org.warmstation.district;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.enroll.BrokerCredentials;
import org.warmstation.district.enroll.EnrollmentStore;
import org.warmstation.protocol.enroll.EnrollmentRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code district-server enrollment register FILE...}: imports the office's register files of
 * issued enrollment codes (decision 0181): each code is recorded as unused and its enrollment
 * account's password line goes into the broker's password file (then the broker reloads), so the
 * terminal that scans the code can ask for its own password. No password or ACL line is pasted by
 * hand. {@code enrollment refusals --district ID --station ID} lists a station's refused attempts.
 */
@Command(name = "enrollment", mixinStandardHelpOptions = true,
        description = "Register issued station enrollment codes; list refused enrollment attempts.",
        subcommands = {EnrollmentCommand.Register.class, EnrollmentCommand.Refusals.class})
final class EnrollmentCommand {
    /** {@code enrollment register}. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Import enroll-ID.register files written by 'station enroll'.")
    static final class Register implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOptions db;
        @Mixin
        BrokerFileOptions broker;
        @Option(names = "--district", required = true, description = "the district id served")
        int district;
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "register files")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            BrokerCredentials credentials = broker.credentials().orElseThrow(() -> new IllegalArgumentException(
                    "--broker-passwd FILE is required: the broker's password file this district keeps"));
            try (DistrictDatabase database = db.open()) {
                for (Path f : files) {
                    EnrollmentRegister r;
                    try {
                        r = EnrollmentRegister.parse(Files.readString(f, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        spec.commandLine().getErr().println(f + ": not an enrollment register: " + e.getMessage());
                        return 2;
                    }
                    if (r.districtId() != district) {
                        spec.commandLine().getErr().println(f + ": a code of district " + r.districtId()
                                + ", not " + district);
                        return 2;
                    }
                    register(database, credentials, r, Instant.now());
                    spec.commandLine().getOut().printf("registered code %s of station %s, valid until %s%n",
                            r.codeId(), r.stationId(), r.expiresAt());
                }
            }
            return 0;
        }
    }

    /** {@code enrollment refusals}. */
    @Command(name = "refusals", mixinStandardHelpOptions = true, description = "A station's refused enrollment attempts.")
    static final class Refusals implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOptions db;
        @Option(names = "--district", required = true, description = "the district id")
        int district;
        @Option(names = "--station", required = true, description = "the station id")
        String station;

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open(); Connection c = database.connection()) {
                for (var r : new EnrollmentStore().refusals(c, district, station)) {
                    spec.commandLine().getOut().printf("%s  code %s  terminal %s  %s%n", r.at(), r.codeId(),
                            r.terminalId(), r.reason());
                }
            }
            return 0;
        }
    }

    /**
     * Registers one code: the database row first, then the enrollment account's line and a reload.
     *
     * @param database    the database
     * @param credentials the broker's password file
     * @param r           the register
     * @param now         the registration instant
     * @throws Exception when the database or the file cannot be written
     */
    static void register(DistrictDatabase database, BrokerCredentials credentials, EnrollmentRegister r, Instant now)
            throws Exception {
        try (Connection c = database.connection()) {
            new EnrollmentStore().register(c, r, now);
        }
        credentials.putLine(r.accountLine());
    }
}
