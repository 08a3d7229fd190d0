package org.warmstation.district.db;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the district's connection pool (HikariCP) and of each connection, so that a
 * PostgreSQL that is down or hung makes a caller fail within a bounded time instead of blocking
 * it forever (issue 13 item 4, decision 0190).
 *
 * @param maxConnections   connections the pool holds at most, at least 1
 * @param connectTimeout   how long opening a TCP connection to PostgreSQL may take (PgJDBC
 *                         {@code connectTimeout}), and how long a caller waits for a pooled
 *                         connection; whole seconds, at least 1 s
 * @param socketTimeout    how long a read on an open connection may block (PgJDBC
 *                         {@code socketTimeout}: a server that stopped answering); whole seconds,
 *                         longer than {@code statementTimeout}
 * @param statementTimeout how long one statement may run on the server ({@code statement_timeout})
 */
public record PoolSettings(int maxConnections, Duration connectTimeout, Duration socketTimeout,
                           Duration statementTimeout) {
    /** The defaults: 20 connections, connect 5 s, socket 60 s, statement 30 s. */
    public static final PoolSettings DEFAULT =
            new PoolSettings(20, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30));

    /** @throws IllegalArgumentException for a size below 1, a timeout below 1 s or a socket timeout not above the statement timeout */
    public PoolSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
        for (Duration d : new Duration[] {connectTimeout, socketTimeout, statementTimeout}) {
            if (Objects.requireNonNull(d, "timeouts").compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("database timeouts are at least 1 s: " + d);
            }
        }
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException("the socket timeout (" + socketTimeout
                    + ") must be longer than the statement timeout (" + statementTimeout + ")");
        }
    }
}
