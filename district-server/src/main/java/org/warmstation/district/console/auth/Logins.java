package org.warmstation.district.console.auth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a login: name and password against the stored bcrypt hash, with the lockout —
 * {@value #MAX_FAILURES} wrong passwords in a row lock the account for {@link #LOCK}, during which
 * even the right password is refused.
 *
 * <p>Thread-safe; {@link #login} blocks for the hash check and the database.
 */
public final class Logins {
    /** Wrong passwords in a row that lock the account. */
    public static final int MAX_FAILURES = 5;
    /** How long a lock lasts. */
    public static final Duration LOCK = Duration.ofMinutes(15);

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;

    /** The answer to a login attempt. */
    public sealed interface Result {
    }

    /** @param user who logged in */
    public record Success(ConsoleUser user) implements Result {
    }

    /** Wrong name or password (the same answer for both). */
    public record Refused() implements Result {
    }

    /** @param until when the lock ends */
    public record Locked(Instant until) implements Result {
    }

    /**
     * @param users  the users
     * @param hasher the password hasher
     * @param clock  the time of attempts (a mutable clock in tests)
     */
    public Logins(UserStore users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * @param name     the typed name
     * @param password the typed password
     * @return success, refused, or locked (with the lock's end)
     * @throws SQLException when the database fails
     */
    public Result login(String name, String password) throws SQLException {
        Instant now = clock.instant();
        Optional<UserStore.StoredUser> user = UserStore.NAME.matcher(name).matches() ? users.find(name) : Optional.empty();
        boolean matches = hasher.matches(password, user.map(UserStore.StoredUser::passwordHash).orElse(null));
        if (user.isEmpty()) {
            return new Refused();
        }
        Optional<Instant> locked = user.get().lockedUntil().filter(now::isBefore);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        if (matches) {
            if (user.get().failedLogins() > 0 || user.get().lockedUntil().isPresent()) {
                users.clearFailures(name);
            }
            return new Success(new ConsoleUser(user.get().name(), user.get().role()));
        }
        Optional<Instant> lockedNow = users.recordFailure(name, now, MAX_FAILURES, LOCK);
        return lockedNow.<Result>map(Locked::new).orElseGet(Refused::new);
    }
}
