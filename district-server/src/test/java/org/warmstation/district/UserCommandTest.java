package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.Role;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.testing.CliRun;
import org.warmstation.district.testing.DistrictDatabaseExtension;

/** {@code district-server user add|list|unlock}: the password comes twice from standard input, never the command line. */
class UserCommandTest {
    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    private static CliRun run(String stdin, String... args) {
        return CliRun.run(stdin, args);
    }

    @Test
    void addStoresABcryptHashOfThePasswordTypedTwice() throws Exception {
        CliRun r = run("typed-twice-pw\ntyped-twice-pw\n", "user", "add", "wang.li", "--role", "admin",
                "--jdbc-url", DB.database().url(), "--bcrypt-cost", "4");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("added admin wang.li"), r.out());
        UserStore.StoredUser u = new UserStore(DB.database()).find("wang.li").orElseThrow();
        assertEquals(Role.ADMIN, u.role());
        assertTrue(u.passwordHash().startsWith("$2a$04$"), u.passwordHash());
        assertFalse(u.passwordHash().contains("typed-twice-pw"));
        assertTrue(new PasswordHasher(4).matches("typed-twice-pw", u.passwordHash()));
        CliRun list = run("", "user", "list", "--jdbc-url", DB.database().url());
        assertTrue(list.out().contains("wang.li\tadmin"), list.out());
    }

    @Test
    void differingPasswordsAddNobody() throws Exception {
        CliRun r = run("first-password\nsecond-password\n", "user", "add", "zhao", "--role", "analyst",
                "--jdbc-url", DB.database().url(), "--bcrypt-cost", "4");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("the two passwords differ"), r.err());
        assertTrue(new UserStore(DB.database()).find("zhao").isEmpty());
    }

    @Test
    void shortPasswordBadRoleAndExistingNameAreRefused() throws Exception {
        CliRun shortPw = run("short\nshort\n", "user", "add", "qian", "--role", "analyst", "--jdbc-url", DB.database().url());
        assertEquals(1, shortPw.exit());
        assertTrue(shortPw.err().contains("at least 10 characters"), shortPw.err());
        CliRun badRole = run("long-enough-pw\nlong-enough-pw\n", "user", "add", "qian", "--role", "boss", "--jdbc-url", DB.database().url());
        assertEquals(1, badRole.exit());
        assertTrue(badRole.err().contains("role must be analyst or admin"), badRole.err());
        CliRun first = run("long-enough-pw\nlong-enough-pw\n", "user", "add", "sun", "--role", "analyst",
                "--jdbc-url", DB.database().url(), "--bcrypt-cost", "4");
        assertEquals(0, first.exit(), first.err());
        CliRun again = run("long-enough-pw\nlong-enough-pw\n", "user", "add", "sun", "--role", "analyst",
                "--jdbc-url", DB.database().url(), "--bcrypt-cost", "4");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("exists already"), again.err());
    }

    @Test
    void passwordIsNoOption() {
        CliRun r = run("", "user", "add", "li", "--role", "analyst", "--password", "on-the-command-line", "--jdbc-url", DB.database().url());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown options: '--password'"), r.err());
    }
}
