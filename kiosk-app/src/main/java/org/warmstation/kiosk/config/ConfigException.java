package org.warmstation.kiosk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A station configuration file that cannot be used: unreadable, not UTF-8 text, or with a missing,
 * malformed or out-of-range field. The message is written for the technician at the terminal:
 * it names the file and, for each problem, the key and the line where the key stands.
 */
public final class ConfigException extends Exception {

    /**
     * One problem found in the file.
     *
     * @param key     the property key concerned, or null when the problem is the whole file
     * @param line    the 1-based line of the key in the file, or 0 when unknown or not present
     * @param message what is wrong, in plain words, including the expected shape
     */
    public record Problem(String key, int line, String message) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (line > 0) {
                sb.append("line ").append(line).append(", ");
            }
            if (key != null) {
                sb.append("key '").append(key).append("': ");
            }
            return sb.append(message).toString();
        }
    }

    private final Path file;
    private final List<Problem> problems;

    /**
     * @param file     the configuration file
     * @param problems at least one problem
     */
    public ConfigException(Path file, List<Problem> problems) {
        this(file, problems, null);
    }

    /**
     * @param file     the configuration file
     * @param problems at least one problem
     * @param cause    the underlying exception, or null
     */
    public ConfigException(Path file, List<Problem> problems, Throwable cause) {
        super(message(file, problems), cause);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    private static String message(Path file, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        String where = "station configuration " + file;
        if (problems.size() == 1) {
            return where + ": " + problems.getFirst();
        }
        return where + ": " + problems.size() + " problems:\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
    }

    /** @return the file concerned */
    public Path file() {
        return file;
    }

    /** @return every problem found, in file order of the keys checked; never empty */
    public List<Problem> problems() {
        return problems;
    }

    /** @return the key of the first problem, if it concerns a key */
    public Optional<String> key() {
        return Optional.ofNullable(problems.getFirst().key());
    }
}
