package org.warmstation.terminal.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.config.PendingEnrollment;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.sync.SyncSnapshot;
import org.warmstation.mqtt.Backoff;
import org.warmstation.protocol.wire.EnrollReply;
import org.warmstation.protocol.wire.EnrollRequest;
import org.warmstation.sync.SyncConfig;
import org.warmstation.sync.enroll.EnrollmentClient;
import org.warmstation.sync.store.StationKeyStore;
import org.warmstation.visitlog.secret.PasswordFile;
import org.warmstation.visitlog.store.LogEpoch;

/**
 * The background services of a terminal whose enrollment is pending (decision 0181): on its own
 * thread it asks the district for the station's broker password ({@link EnrollmentClient}, retried
 * with backoff while the broker or district cannot be reached), writes the password into
 * {@code broker.password.file} (mode 600, nothing but the password), deletes the pending enrollment,
 * and then starts the normal sync agent, to which it hands over. A refusal stops it: the kiosk keeps
 * recording visits, and the staff screen says why. {@link #sync()} never blocks.
 */
final class EnrollingServices implements StationServices {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollingServices.class);
    /** How long the district has to answer one request. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    /** Starts the station's agent once enrolled. */
    @FunctionalInterface
    interface AgentStarter {
        /**
         * @return the started agent
         * @throws IOException when the password file cannot be read
         */
        AgentServices start() throws IOException;
    }

    private final StationConfig config;
    private final PendingEnrollment pending;
    private final AgentStarter starter;
    private final Thread thread;
    private volatile String problem = "enrolling: asking the district for this station's own password";
    private volatile AgentServices agent;
    private volatile boolean closed;

    private EnrollingServices(StationConfig config, PendingEnrollment pending, AgentStarter starter) {
        this.config = config;
        this.pending = pending;
        this.starter = starter;
        this.thread = Thread.ofPlatform().name(config.stationId() + "-enroll").daemon(true).unstarted(this::run);
    }

    /**
     * @param config  the station configuration
     * @param starter starts the agent once enrolled (on the enrolling thread)
     * @return the enrolling services, started, or empty when no enrollment is pending
     * @throws IOException when the pending enrollment cannot be read
     */
    static Optional<StationServices> startIfPending(StationConfig config, AgentStarter starter) throws IOException {
        Optional<PendingEnrollment> p = PendingEnrollment.read(PendingEnrollment.fileFor(config));
        if (p.isEmpty()) {
            return Optional.empty();
        }
        EnrollingServices s = new EnrollingServices(config, p.get(), starter);
        s.thread.start();
        return Optional.of(s);
    }

    /** @return the agent once enrolled */
    Optional<AgentServices> agent() {
        return Optional.ofNullable(agent);
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(2),
                RandomGenerator.getDefault());
        while (!closed) {
            try {
                SyncConfig sync = SyncWiring.builder(config, SyncWiring.APP_VERSION).build(); // the agent's transport rules
                String key = Base64.getEncoder().encodeToString(
                        StationKeyStore.loadOrCreate(config.dataDir()).getPublic().getEncoded());
                EnrollRequest request = new EnrollRequest(EnrollRequest.SCHEMA, config.districtId(), config.stationId(),
                        pending.codeId(), pending.terminalId(), key,
                        LogEpoch.of(config.dataDir()).map(java.util.UUID::toString).orElse(null), // decision 0195
                        SyncWiring.APP_VERSION, Instant.now());
                EnrollReply reply = EnrollmentClient.exchange(sync, pending.credential().toCharArray(), request,
                        REPLY_TIMEOUT);
                if (reply.outcome() == EnrollReply.Outcome.REFUSED) {
                    problem = "enrollment refused by the district: " + reply.reason()
                            + " (注册被区服务器拒绝; ask the district for a new enrollment code)";
                    LOG.error("{}: {}", config.stationId(), problem);
                    return;
                }
                PasswordFile.write(config.sync().passwordFile().orElseThrow(
                        () -> new IOException("no broker.password.file in the configuration")), reply.password().toCharArray());
                Files.delete(PendingEnrollment.fileFor(config));
                LOG.info("{}: enrolled with code {}; the station's own broker password is stored", config.stationId(),
                        pending.codeId());
                if (!closed) {
                    agent = starter.start();
                }
                return;
            } catch (IllegalArgumentException e) { // the transport is not allowed: no retry helps
                problem = e.getMessage();
                LOG.error("{}: {}", config.stationId(), problem);
                return;
            } catch (IOException | RuntimeException e) {
                problem = "enrolling: " + e.getMessage();
                Duration wait = backoff.next();
                LOG.warn("{}: {}; again in {} ms", config.stationId(), problem, wait.toMillis());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public Optional<SyncSnapshot> sync() {
        AgentServices a = agent;
        if (a != null) {
            return a.sync();
        }
        return Optional.of(new SyncSnapshot(false, Optional.empty(), 0, Optional.empty(), false, Optional.of(problem),
                OptionalLong.empty(), Optional.empty()));
    }

    @Override
    public Optional<String> notice() {
        return agent == null ? Optional.of(problem) : Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AgentServices a = agent;
        if (a != null) {
            a.close();
        }
    }
}
