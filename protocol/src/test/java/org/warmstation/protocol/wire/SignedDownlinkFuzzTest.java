package org.warmstation.protocol.wire;

import static org.warmstation.protocol.wire.DownlinkFuzzTest.KEY;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;
import org.warmstation.protocol.card.Ed25519;

/**
 * Fuzz test of downlink commands behind a valid signature of the trusted downlink key (issue 13
 * item 7, decision 0160): {@link Downlink#verify} returns a command for this station or throws
 * {@link WireFormatException} ({@link InvalidCommandException} included). One fuzz test per class:
 * Jazzer fuzzes one per JVM.
 */
class SignedDownlinkFuzzTest {

    /** Any command bytes, correctly signed by the trusted downlink key: reaches the command checks. */
    @FuzzTest(maxDuration = "4s")
    void signedCommand(byte[] command) {
        Base64.Encoder b64 = Base64.getEncoder();
        Downlink d = new Downlink(Downlink.SCHEMA, KEY.keyId(), b64.encodeToString(command),
                b64.encodeToString(Ed25519.sign(KEY.privateKey(), command)));
        try {
            DownlinkFuzzTest.apply(d);
        } catch (WireFormatException refused) {
            // documented (InvalidCommandException: answered REFUSED)
        }
    }}
