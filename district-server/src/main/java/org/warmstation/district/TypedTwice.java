package org.warmstation.district;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret typed twice: from the terminal without echo, or as two lines of standard input (tests,
 * scripts). Never a command-line argument, so it stays out of the shell history and {@code ps}.
 */
final class TypedTwice {
    private TypedTwice() {
    }

    /**
     * Blocks until both entries are read.
     *
     * @param what   what is asked for, e.g. {@code Password for wang.li}
     * @param plural the error's noun, e.g. {@code passwords}
     * @return the secret
     * @throws IOException              when standard input fails
     * @throws IllegalArgumentException when fewer than two entries come or they differ
     */
    static String read(String what, String plural) throws IOException {
        Console console = System.console();
        String first;
        String second;
        if (console != null && console.isTerminal()) {
            first = chars(console.readPassword("%s: ", what));
            second = chars(console.readPassword("Again: "));
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            first = in.readLine();
            second = in.readLine();
        }
        String singular = plural.substring(0, plural.length() - 1);
        if (first == null || second == null) {
            throw new IllegalArgumentException("the " + singular + " must be typed twice (two lines on standard input)");
        }
        if (!first.equals(second)) {
            throw new IllegalArgumentException("the two " + plural + " differ");
        }
        return first;
    }

    private static String chars(char[] c) {
        if (c == null) {
            return null;
        }
        String s = new String(c);
        Arrays.fill(c, ' ');
        return s;
    }
}
