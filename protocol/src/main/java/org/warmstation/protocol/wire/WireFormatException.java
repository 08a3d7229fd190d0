package org.warmstation.protocol.wire;

/**
 * A message's bytes are not a valid payload of the expected kind: too large, not JSON, a wrong or
 * unknown schema, a missing or out-of-range field, a bad signature. The message says which.
 * Receivers log it and drop the message; they never crash on it.
 */
public sealed class WireFormatException extends IllegalArgumentException permits InvalidCommandException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for the log
     */
    public WireFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, for the log
     * @param cause   the parser's or validator's error
     */
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
