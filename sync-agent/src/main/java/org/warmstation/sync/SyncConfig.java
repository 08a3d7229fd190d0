package org.warmstation.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.warmstation.protocol.wire.Topics;

/**
 * Settings of the {@link SyncAgent}. Build with {@link #builder}; every duration is a
 * {@link Duration}, every rate per second.
 *
 * @param serverUri           broker URI, {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param topics              the station's district and station id (also its MQTT client id)
 * @param username            broker username, or null
 * @param password            broker password, or null
 * @param caFile              PEM file of the CA that signed the broker certificate (TLS with
 *                            hostname verification), or null for plain TCP
 * @param appVersion          terminal software version, sent in the birth message and heartbeat
 * @param dataDirectory       the station's data directory (visit log; disk free is measured here)
 * @param batchSize           visits per batch, 1..500 (default 100)
 * @param maxInFlight         batch publishes awaiting their PUBACK at once, 1..19 (default 10):
 *                            below Mosquitto's Receive Maximum of 20
 * @param maxAwaitingAck      batches published and awaiting the district's ack at once (default 20)
 * @param resendAfter         a published visit not confirmed within this is sent again (default 60 s);
 *                            while no ack comes the wait doubles, with jitter, up to {@code resendCap}
 * @param drainRate           cap on visits published per second (default 500)
 * @param heartbeat           telemetry interval (default 60 s)
 * @param telemetryQueue      heartbeats kept while offline; the oldest is dropped beyond (default 10)
 * @param sessionExpiry       MQTT 5 session expiry interval (default 1 day)
 * @param keepAlive           MQTT keep-alive (default 30 s)
 * @param connectTimeout      give up a connect attempt after this (default 20 s)
 * @param firstAttemptSpread  the first connect (at start and after each loss) waits a random time
 *                            in [0, this) (default 10 s), so a district's stations spread out
 * @param backoffBase         first retry delay cap of the exponential backoff (default 1 s)
 * @param backoffCap          largest retry delay cap (default 5 min); retries wait a random time in
 *                            [0, min(cap, base·2^attempt)) ("full jitter")
 * @param diskWarningBytes    the staff screen warns below this much free space (default 200 MB)
 * @param passwordFile        the station's broker password file ({@code PasswordFile} format, mode
 *                            600), read at every connect attempt so a password the district replaced
 *                            is used at the next connect; or null. Wins over {@code password}.
 * @param resendCap           the longest resend wait before jitter while the district does not
 *                            answer (default 15 min; decision 0192)
 * @param caPin               SHA-256 (64 hex digits) of the broker CA certificate the station
 *                            trusts alone (from its enrollment code, decision 0180), or null
 * @param insecureLab         whether a {@code tcp://} broker is allowed (lab mode, decision 0180):
 *                            the password then travels in clear text, and the kiosk says so on
 *                            screen; without it only {@code ssl://} with a CA pin or CA file is accepted
 * @param settingsRollbackAfter a district settings document after which the station cannot reach the
 *                            broker for this long is rolled back to the one before (default 10 min;
 *                            issue 15, decision 0211)
 * @param architecture        the terminal's Debian architecture ({@code dpkg --print-architecture}),
 *                            sent in the birth message so the district offers the release built for
 *                            it (decision 0285); or null when unknown
 */
public record SyncConfig(String serverUri, Topics topics, String username, char[] password, Path caFile,
                         String appVersion, Path dataDirectory, int batchSize, int maxInFlight, int maxAwaitingAck,
                         Duration resendAfter, int drainRate, Duration heartbeat, int telemetryQueue,
                         Duration sessionExpiry, Duration keepAlive, Duration connectTimeout,
                         Duration firstAttemptSpread, Duration backoffBase, Duration backoffCap,
                         long diskWarningBytes, Path passwordFile, Duration resendCap, String caPin,
                         boolean insecureLab, Duration settingsRollbackAfter, String architecture) {

    /**
     * @throws IllegalArgumentException naming the first setting out of range, and saying what to do
     *                                  for a {@code tcp://} broker without lab mode or an
     *                                  {@code ssl://} broker without CA pin or CA file
     */
    public SyncConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        String refusal = brokerRefusal(serverUri, caPin, caFile, insecureLab);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        if (caPin != null && !caPin.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("caPin must be the CA certificate's SHA-256, 64 lower-case hex digits");
        }
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        range("batchSize", batchSize, 1, 500);
        range("maxInFlight", maxInFlight, 1, 19);
        range("maxAwaitingAck", maxAwaitingAck, 1, 1000);
        range("drainRate", drainRate, 1, 1_000_000);
        range("telemetryQueue", telemetryQueue, 1, 1000);
        for (Duration d : new Duration[] {resendAfter, heartbeat, sessionExpiry, keepAlive, connectTimeout,
                firstAttemptSpread, backoffBase, backoffCap, resendCap, settingsRollbackAfter}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("durations must be given and not negative");
            }
        }
    }

    /**
     * Whether this station may connect to a broker (also one a district settings document names,
     * decision 0211) under the rules of decision 0180.
     *
     * @param uri a broker URI
     * @return why it is refused ({@code tcp://} without lab mode, {@code ssl://} without CA pin or
     *         CA file), or null when it is allowed
     */
    public String brokerRefusal(String uri) {
        return brokerRefusal(uri, caPin, caFile, insecureLab);
    }

    private static String brokerRefusal(String uri, String caPin, Path caFile, boolean insecureLab) {
        if (uri.regionMatches(true, 0, "tcp://", 0, 6) && !insecureLab) {
            return "refusing " + uri + ": tcp:// sends the station's password "
                    + "unencrypted; use ssl:// with the broker's CA pin (an enrollment code carries it) or "
                    + "broker.ca.file, or allow plain TCP for a lab with --insecure-lab (broker.insecure-lab=true)";
        }
        if (uri.regionMatches(true, 0, "ssl://", 0, 6) && caPin == null && caFile == null) {
            return "refusing " + uri + ": an ssl:// broker needs broker.ca.pin or "
                    + "broker.ca.file, so that the station trusts only its district's CA";
        }
        return null;
    }

    private static void range(String what, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ": " + v);
        }
    }

    /**
     * @param serverUri     broker URI
     * @param topics        district and station
     * @param dataDirectory the station's data directory
     * @return a builder with the defaults above
     */
    public static Builder builder(String serverUri, Topics topics, Path dataDirectory) {
        return new Builder(serverUri, topics, dataDirectory);
    }

    /** Builds a {@link SyncConfig}; not thread-safe. */
    public static final class Builder {
        private final String serverUri;
        private final Topics topics;
        private final Path dataDirectory;
        private String username;
        private char[] password;
        private Path caFile;
        private String appVersion = "0.1.0";
        private String architecture;
        private int batchSize = 100;
        private int maxInFlight = 10;
        private int maxAwaitingAck = 20;
        private Duration resendAfter = Duration.ofSeconds(60);
        private Duration resendCap = Duration.ofMinutes(15);
        private int drainRate = 500;
        private Duration heartbeat = Duration.ofSeconds(60);
        private int telemetryQueue = 10;
        private Duration sessionExpiry = Duration.ofDays(1);
        private Duration keepAlive = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration firstAttemptSpread = Duration.ofSeconds(10);
        private Duration settingsRollbackAfter = Duration.ofMinutes(10);
        private Duration backoffBase = Duration.ofSeconds(1);
        private Duration backoffCap = Duration.ofMinutes(5);
        private long diskWarningBytes = 200L * 1024 * 1024;
        private Path passwordFile;
        private String caPin;
        private boolean insecureLab;

        private Builder(String serverUri, Topics topics, Path dataDirectory) {
            this.serverUri = serverUri;
            this.topics = topics;
            this.dataDirectory = dataDirectory;
        }

        /** @param u broker username @param p password @return this */
        public Builder credentials(String u, char[] p) {
            username = u;
            password = p == null ? null : p.clone();
            return this;
        }

        /**
         * @param f the broker password file, read at every connect (wins over the password given
         *          to {@link #credentials}); null for none
         * @return this
         */
        public Builder passwordFile(Path f) {
            passwordFile = f;
            return this;
        }

        /** @param f CA certificate PEM file @return this */
        public Builder caFile(Path f) {
            caFile = f;
            return this;
        }

        /** @param sha256Hex the pinned CA's SHA-256, 64 lower-case hex digits, or null @return this */
        public Builder caPin(String sha256Hex) {
            caPin = sha256Hex;
            return this;
        }

        /** @param allowed whether a tcp:// broker is allowed (lab mode) @return this */
        public Builder insecureLab(boolean allowed) {
            insecureLab = allowed;
            return this;
        }

        /** @param v app version @return this */
        public Builder appVersion(String v) {
            appVersion = v;
            return this;
        }

        /**
         * @param arch the terminal's Debian architecture, or null when unknown (decision 0285)
         * @return this
         */
        public Builder architecture(String arch) {
            architecture = arch;
            return this;
        }

        /** @param n visits per batch @return this */
        public Builder batchSize(int n) {
            batchSize = n;
            return this;
        }

        /** @param n publishes in flight @return this */
        public Builder maxInFlight(int n) {
            maxInFlight = n;
            return this;
        }

        /** @param n batches awaiting the district ack @return this */
        public Builder maxAwaitingAck(int n) {
            maxAwaitingAck = n;
            return this;
        }

        /** @param d longest resend wait before jitter while no ack comes @return this */
        public Builder resendCap(Duration d) {
            resendCap = d;
            return this;
        }

        /** @param d resend timeout @return this */
        public Builder resendAfter(Duration d) {
            resendAfter = d;
            return this;
        }

        /** @param perSecond visits per second cap @return this */
        public Builder drainRate(int perSecond) {
            drainRate = perSecond;
            return this;
        }

        /** @param d heartbeat interval @return this */
        public Builder heartbeat(Duration d) {
            heartbeat = d;
            return this;
        }

        /** @param n heartbeats kept while offline @return this */
        public Builder telemetryQueue(int n) {
            telemetryQueue = n;
            return this;
        }

        /** @param d session expiry @return this */
        public Builder sessionExpiry(Duration d) {
            sessionExpiry = d;
            return this;
        }

        /** @param d keep-alive @return this */
        public Builder keepAlive(Duration d) {
            keepAlive = d;
            return this;
        }

        /** @param d connect timeout @return this */
        public Builder connectTimeout(Duration d) {
            connectTimeout = d;
            return this;
        }

        /**
         * @param spread first-attempt random delay bound
         * @param base   backoff base
         * @param cap    backoff cap
         * @return this
         */
        public Builder backoff(Duration spread, Duration base, Duration cap) {
            firstAttemptSpread = spread;
            backoffBase = base;
            backoffCap = cap;
            return this;
        }

        /**
         * @param d how long a station may be without the broker after a settings document before it
         *          restores the previous one (decision 0211)
         * @return this
         */
        public Builder settingsRollbackAfter(Duration d) {
            settingsRollbackAfter = d;
            return this;
        }

        /** @param bytes free-space warning threshold @return this */
        public Builder diskWarningBytes(long bytes) {
            diskWarningBytes = bytes;
            return this;
        }

        /** @return the settings @throws IllegalArgumentException when one is out of range */
        public SyncConfig build() {
            return new SyncConfig(serverUri, topics, username, password, caFile, appVersion, dataDirectory,
                    batchSize, maxInFlight, maxAwaitingAck, resendAfter, drainRate, heartbeat, telemetryQueue,
                    sessionExpiry, keepAlive, connectTimeout, firstAttemptSpread, backoffBase, backoffCap,
                    diskWarningBytes, passwordFile, resendCap, caPin, insecureLab, settingsRollbackAfter, architecture);
        }
    }
}
