package org.warmstation.sync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.protocol.card.DistrictKey;

/**
 * The end-to-end setup the sync tests share, as a JUnit extension for a test class: a real
 * Mosquitto without persistence, an embedded PostgreSQL and one in-process district-server
 * instance ({@code district-a}) on it, in a temporary folder; all closed after the class.
 *
 * <pre>{@code @RegisterExtension static final SyncE2e E2E = new SyncE2e();}</pre>
 */
final class SyncE2e implements BeforeAllCallback, AfterAllCallback {
    private final DistrictKey key;
    private final String[] brokerConfig;
    private Path dir;
    private MosquittoBroker broker;
    private DistrictFixture district;

    /**
     * @param key          district key the instance signs resend downlinks with, or null for none
     * @param brokerConfig further mosquitto.conf lines
     */
    SyncE2e(DistrictKey key, String... brokerConfig) {
        this.key = key;
        this.brokerConfig = brokerConfig;
    }

    /** Without a district key and with the default broker configuration. */
    SyncE2e() {
        this(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("sync-e2e-" + context.getRequiredTestClass().getSimpleName());
        broker = MosquittoBroker.startEphemeral(Files.createDirectories(dir.resolve("broker")), brokerConfig);
        district = DistrictFixture.start(dir);
        district.instance(broker.url(), "district-a", key);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (district != null) {
            district.close();
        }
        if (broker != null) {
            broker.close();
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is not a test failure
        }
    }

    /** @return the class's temporary folder (broker and PostgreSQL data inside) */
    Path dir() {
        return dir;
    }

    /** @return the broker */
    MosquittoBroker broker() {
        return broker;
    }

    /** @return the district side */
    DistrictFixture district() {
        return district;
    }
}
