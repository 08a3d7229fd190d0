package org.warmstation.district.console;

import java.util.Arrays;

/**
 * A request the console refuses with a clear message: the status (4xx) and the key of a message
 * in {@code console/templates/error_zh.properties} / {@code error_en.properties}, with its
 * arguments. Throw it from any handler; the server renders the message page (or JSON for a data
 * route), never a stack trace.
 */
public final class ConsoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String messageKey;
    private final transient Object[] args;

    /**
     * @param status     HTTP status, 4xx
     * @param messageKey message key in the error message files (e.g. {@code error.badDate})
     * @param args       message arguments ({@code {0}}, {@code {1}}...)
     */
    public ConsoleException(int status, String messageKey, Object... args) {
        super(status + " " + messageKey + " " + Arrays.toString(args));
        this.status = status;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /**
     * @param key message key
     * @param args its arguments
     * @return a 400
     */
    public static ConsoleException badRequest(String key, Object... args) {
        return new ConsoleException(400, key, args);
    }

    /**
     * @param key message key
     * @param args its arguments
     * @return a 404
     */
    public static ConsoleException notFound(String key, Object... args) {
        return new ConsoleException(404, key, args);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the message key */
    public String messageKey() {
        return messageKey;
    }

    /** @return the message arguments (a copy) */
    public Object[] args() {
        return args.clone();
    }
}
