package org.warmstation.sync.update;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateManifest;

/** Keys, a trust list and a package for the updater tests. */
final class UpdateFixture {
    static final int DISTRICT = 110105;
    static final Instant T = Instant.parse("2026-12-06T02:00:00Z");
    static final DistrictKey UPDATE_KEY = DistrictKey.generate(DISTRICT);
    static final DistrictKey DOWNLINK_KEY = DistrictKey.generate(DISTRICT);
    static final TrustList TRUST = new TrustList(T, List.of(UPDATE_KEY.trustedKey(EnumSet.of(KeyPurpose.UPDATE)),
            DOWNLINK_KEY.trustedKey(EnumSet.of(KeyPurpose.DOWNLINK))), 2);

    private UpdateFixture() {
    }

    /** @return deterministic package bytes of the given size */
    static byte[] body(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    static SignedUpdate offer(String version, byte[] body, String url, DistrictKey key) throws Exception {
        return SignedUpdate.sign(UpdateManifest.of(DISTRICT, version, sha256(body), body.length, url, T), key);
    }

    static Path kept(Path dir, String version) {
        return dir.resolve(UpdateSpool.fileName(version));
    }
}
