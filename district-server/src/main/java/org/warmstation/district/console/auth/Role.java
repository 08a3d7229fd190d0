package org.warmstation.district.console.auth;

import java.util.Locale;

/** A console user's role. */
public enum Role {
    /** Sees every page and export. */
    ANALYST,
    /** An analyst who may also manage users (unlock accounts). */
    ADMIN;

    /**
     * @param text {@code analyst} or {@code admin} (any case)
     * @return the role
     * @throws IllegalArgumentException for anything else
     */
    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be analyst or admin, not '" + text + "'", e);
        }
    }
}
