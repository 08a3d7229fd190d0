package org.warmstation.sync.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationKeyStoreTest {
    @TempDir
    Path dir;

    @Test
    void keyIsCreatedOnceAndReadBackTheSameAfterwards() throws Exception {
        var first = StationKeyStore.loadOrCreate(dir);
        var again = StationKeyStore.loadOrCreate(dir);
        assertArrayEquals(first.getPublic().getEncoded(), again.getPublic().getEncoded());
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(again.getPrivate());
        s.update("day".getBytes(StandardCharsets.UTF_8));
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(first.getPublic());
        v.update("day".getBytes(StandardCharsets.UTF_8));
        assertEquals(true, v.verify(sig), "the stored private key belongs to the stored public key");
    }
}
