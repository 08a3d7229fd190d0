package org.warmstation.district;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.Role;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.db.DistrictDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code district-server user add|list|unlock}: the web console's accounts. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the web console's accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Unlock.class})
final class UserCommand {

    /** {@code user add NAME --role analyst|admin}: the password is typed twice, never an argument. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a console account; the password is read twice from the terminal (or two lines of standard input).")
    static final class Add implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "login name: 1-40 of a-z 0-9 . _ -")
        String name;
        @Option(names = "--role", required = true, description = "analyst or admin")
        String role;
        @Option(names = "--bcrypt-cost", defaultValue = "12", hidden = true, description = "bcrypt cost (tests use 4)")
        int cost;

        @Override
        public Integer call() throws Exception {
            Role r = Role.parse(role);
            UserStore.checkName(name);
            String password = readPasswordTwice();
            PasswordHasher.checkAcceptable(password);
            String hash = new PasswordHasher(cost).hash(password);
            try (DistrictDatabase database = db.open()) {
                if (!new UserStore(database).add(name, r, hash)) {
                    throw new IllegalArgumentException("a user named " + name + " exists already");
                }
            }
            spec.commandLine().getOut().println("added " + r.name().toLowerCase(java.util.Locale.ROOT) + " " + name);
            spec.commandLine().getOut().flush();
            return 0;
        }

        private String readPasswordTwice() throws IOException {
            return TypedTwice.read("Password for " + name, "passwords");
        }
    }

    /** {@code user list}: names, roles, lock state. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the console's accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open()) {
                for (UserStore.StoredUser u : new UserStore(database).all()) {
                    spec.commandLine().getOut().println(u.name() + "\t" + u.role().name().toLowerCase(java.util.Locale.ROOT)
                            + u.lockedUntil().map(t -> "\tlocked until " + t).orElse(""));
                }
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code user unlock NAME}: ends a lockout early. */
    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Clear an account's failed logins and lock.")
    static final class Unlock implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open()) {
                if (!new UserStore(database).clearFailures(name)) {
                    throw new IllegalArgumentException("no user named " + name);
                }
            }
            spec.commandLine().getOut().println("unlocked " + name);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
