package org.warmstation.district.console.auth;

import java.util.Objects;

/**
 * A logged-in console user.
 *
 * @param name login name
 * @param role role
 */
public record ConsoleUser(String name, Role role) {
    /** Null checks. */
    public ConsoleUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** @return whether the user is an admin */
    public boolean admin() {
        return role == Role.ADMIN;
    }
}
