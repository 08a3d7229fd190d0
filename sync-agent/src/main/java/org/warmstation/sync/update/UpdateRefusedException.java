package org.warmstation.sync.update;

/**
 * An update that is not taken: a bad or wrong-purpose signature, a version not higher than the
 * installed one, a wrong size or hash, a full disk. The running version is untouched; the message
 * says why (English, for the district's downlink history and the console).
 */
public final class UpdateRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message why the update is refused */
    public UpdateRefusedException(String message) {
        super(message);
    }

    /**
     * @param message why the update is refused
     * @param cause   the underlying failure
     */
    public UpdateRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
