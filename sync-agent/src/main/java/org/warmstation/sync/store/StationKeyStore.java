package org.warmstation.sync.store;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * The station's own Ed25519 key pair, which signs its day summaries, in the {@code station_key}
 * table of the visit log (sync-agent migration V1, {@link SyncDatabase}). {@code station init} calls {@link #loadOrCreate} once;
 * the agent calls it at start.
 */
public final class StationKeyStore {
    private StationKeyStore() {
    }

    /**
     * @param dataDirectory the station's data directory
     * @return the station key, created and stored on first use
     * @throws StoreException when the database fails or the stored key is damaged
     */
    public static KeyPair loadOrCreate(Path dataDirectory) {
        try (Connection c = SyncDatabase.open(dataDirectory)) {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // a concurrent first start of another process may win: then its key is the one read back
            try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO station_key"
                    + " (id, private_pkcs8, public_x509, created_at_ms) VALUES (1, ?, ?, ?)")) {
                st.setBytes(1, kp.getPrivate().getEncoded());
                st.setBytes(2, kp.getPublic().getEncoded());
                st.setLong(3, Instant.now().toEpochMilli());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT private_pkcs8, public_x509 FROM station_key WHERE id = 1");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                KeyFactory kf = KeyFactory.getInstance("Ed25519");
                return new KeyPair(kf.generatePublic(new X509EncodedKeySpec(rs.getBytes(2))),
                        kf.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(1))));
            }
        } catch (SQLException e) {
            throw new StoreException("reading or creating the station key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("the stored station key is damaged: " + e.getMessage(), e);
        }
    }
}
