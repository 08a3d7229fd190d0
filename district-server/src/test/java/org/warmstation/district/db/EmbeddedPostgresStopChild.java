package org.warmstation.district.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * A child JVM for {@link EmbeddedPostgresShutdownTest}: starts the embedded server, and registers an
 * owner's shutdown hook that still uses the database for a while before it closes the server, as
 * the district server's hook does. Prints {@code ready <port>}, then what the owner's hook saw.
 */
public final class EmbeddedPostgresStopChild {
    private EmbeddedPostgresStopChild() {
    }

    /**
     * @param args the data directory, then how long the owner's hook works on in ms
     * @throws Exception when the server does not start
     */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(Path.of(args[0]), Duration.ofSeconds(60));
        long work = Long.parseLong(args[1]);
        Connection c = DriverManager.getConnection(pg.jdbcUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(work); // the owner's schedulers and web console finish
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 41 + 1")) {
                    rs.next();
                    System.out.println("owner query " + rs.getInt(1));
                }
            } catch (Exception e) {
                System.out.println("owner query failed: " + e);
            }
            pg.close();
            System.out.println("owner closed");
            System.out.flush();
        }, "owner-stop"));
        System.out.println("ready " + pg.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
