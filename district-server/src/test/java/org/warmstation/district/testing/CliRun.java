package org.warmstation.district.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.warmstation.district.DistrictServerCli;
import picocli.CommandLine;

/**
 * One run of the {@code district-server} command line in this JVM, its standard input given as
 * text (e.g. a password typed twice), its out and err collected.
 *
 * @param exit the exit code
 * @param out  what it printed on out
 * @param err  what it printed on err
 */
public record CliRun(int exit, String out, String err) {

    /**
     * Runs the command line; replaces {@link System#in} for the run (so not for tests running
     * concurrently) and blocks until the command ends.
     *
     * @param stdin what the command reads from standard input
     * @param args  the arguments
     * @return the exit code and output
     */
    public static CliRun run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cl = DistrictServerCli.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute(args);
            return new CliRun(exit, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }
}
