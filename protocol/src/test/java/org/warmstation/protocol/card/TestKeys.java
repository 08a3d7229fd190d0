package org.warmstation.protocol.card;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;

/** Deterministic district keys for tests and the published test vector. */
final class TestKeys {
    /** RFC 8032 section 7.1, TEST 1 secret key: the seed of the test-vector district key. */
    static final String RFC8032_TEST1_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    private TestKeys() {
    }

    static DistrictKey fromSeed(String seedHex, int districtId) throws Exception {
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        PrivateKey priv = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                HexFormat.of().parseHex(seedHex)));
        PublicKey pub = derivePublic((EdECPrivateKey) priv);
        return new DistrictKey(districtId, TrustedKey.keyIdOf(pub), new KeyPair(pub, priv));
    }

    private static PublicKey derivePublic(EdECPrivateKey priv) throws Exception {
        // The JDK has no public API to derive the public key; sign with the key and find the
        // matching public key through a KeyPairGenerator seeded with the same bytes.
        var kpg = java.security.KeyPairGenerator.getInstance("Ed25519");
        kpg.initialize(NamedParameterSpec.ED25519, new FixedRandom(priv.getBytes().orElseThrow()));
        return kpg.generateKeyPair().getPublic();
    }

    /** A SecureRandom that returns the given bytes once: makes KeyPairGenerator use a known seed. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
