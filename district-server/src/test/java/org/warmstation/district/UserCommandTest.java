package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.Role;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.db.DistrictDatabase;
import picocli.CommandLine;

/** {@code district-server user add|list|unlock}: the password comes twice from standard input, never the command line. */
class UserCommandTest {
    @TempDir
    static Path dir;
    private static DistrictDatabase db;

    @BeforeAll
    static void startDatabase() throws Exception {
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cl = DistrictServerCli.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void addStoresABcryptHashOfThePasswordTypedTwice() throws Exception {
        Run r = run("typed-twice-pw\ntyped-twice-pw\n", "user", "add", "wang.li", "--role", "admin",
                "--jdbc-url", db.url(), "--bcrypt-cost", "4");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("added admin wang.li"), r.out());
        UserStore.StoredUser u = new UserStore(db).find("wang.li").orElseThrow();
        assertEquals(Role.ADMIN, u.role());
        assertTrue(u.passwordHash().startsWith("$2a$04$"), u.passwordHash());
        assertFalse(u.passwordHash().contains("typed-twice-pw"));
        assertTrue(new PasswordHasher(4).matches("typed-twice-pw", u.passwordHash()));
        Run list = run("", "user", "list", "--jdbc-url", db.url());
        assertTrue(list.out().contains("wang.li\tadmin"), list.out());
    }

    @Test
    void differingPasswordsAddNobody() throws Exception {
        Run r = run("first-password\nsecond-password\n", "user", "add", "zhao", "--role", "analyst",
                "--jdbc-url", db.url(), "--bcrypt-cost", "4");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("the two passwords differ"), r.err());
        assertTrue(new UserStore(db).find("zhao").isEmpty());
    }

    @Test
    void shortPasswordBadRoleAndExistingNameAreRefused() throws Exception {
        Run shortPw = run("short\nshort\n", "user", "add", "qian", "--role", "analyst", "--jdbc-url", db.url());
        assertEquals(1, shortPw.exit());
        assertTrue(shortPw.err().contains("at least 10 characters"), shortPw.err());
        Run badRole = run("long-enough-pw\nlong-enough-pw\n", "user", "add", "qian", "--role", "boss", "--jdbc-url", db.url());
        assertEquals(1, badRole.exit());
        assertTrue(badRole.err().contains("role must be analyst or admin"), badRole.err());
        Run first = run("long-enough-pw\nlong-enough-pw\n", "user", "add", "sun", "--role", "analyst",
                "--jdbc-url", db.url(), "--bcrypt-cost", "4");
        assertEquals(0, first.exit(), first.err());
        Run again = run("long-enough-pw\nlong-enough-pw\n", "user", "add", "sun", "--role", "analyst",
                "--jdbc-url", db.url(), "--bcrypt-cost", "4");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("exists already"), again.err());
    }

    @Test
    void passwordIsNoOption() {
        Run r = run("", "user", "add", "li", "--role", "analyst", "--password", "on-the-command-line", "--jdbc-url", db.url());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown options: '--password'"), r.err());
    }
}
