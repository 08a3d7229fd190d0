package org.warmstation.provisioning;

/**
 * A provisioning step that cannot be done, with a message for the technician and the exit code
 * the command ends with.
 */
public class ProvisioningException extends Exception {
    /** Exit code of a refused or failed operation (existing key, rejected card, disk error). */
    public static final int FAILED = 1;
    /** Exit code of a usage error (bad option value, missing or unreadable input file). */
    public static final int USAGE = 2;

    private final int exitCode;

    /**
     * @param exitCode {@link #FAILED} or {@link #USAGE}
     * @param message  what went wrong and, where possible, what to do
     */
    public ProvisioningException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param exitCode {@link #FAILED} or {@link #USAGE}
     * @param message  what went wrong and, where possible, what to do
     * @param cause    the underlying exception
     */
    public ProvisioningException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the process exit code for this failure */
    public int exitCode() {
        return exitCode;
    }
}
