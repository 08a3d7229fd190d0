package org.warmstation.protocol.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.TrustList;

/**
 * Fuzz tests of downlinks (issue 13 item 7, decision 0160): {@link Downlink#verify} with the
 * station's trust list either returns a command addressed to this station or throws
 * {@link WireFormatException} (its subclass {@link InvalidCommandException} included); the
 * command's lists parse or throw {@link IllegalArgumentException}.
 */
class DownlinkFuzzTest {
    /** A fixed key (test resource), so the committed signed seeds keep verifying. */
    static final DistrictKey KEY = fixedKey();
    static final TrustList TRUST = WireSamples.trustList(KEY);

    /** Any envelope as it arrives on the downlink topic. */
    @FuzzTest(maxDuration = "4s")
    void downlinkEnvelope(byte[] payload) {
        try {
            apply(Wire.decode(payload, Downlink.class, Wire.MAX_DOWNLINK_BYTES));
        } catch (WireFormatException refused) {
            // documented
        }
    }


    static void apply(Downlink d) {
        DownlinkCommand c = d.verify(TRUST, WireSamples.DISTRICT, WireSamples.STATION);
        try {
            if (c.kind() == DownlinkCommand.Kind.TRUST_LIST) {
                c.parsedTrustList();
            } else if (c.kind() == DownlinkCommand.Kind.DENY_LIST) {
                c.parsedDenyList();
            }
        } catch (IllegalArgumentException refused) {
            // documented for list texts
        }
    }

    static DistrictKey fixedKey() {
        try (var in = DistrictKey.class.getResourceAsStream("/org/warmstation/protocol/fuzz-district-key.pem")) {
            return DistrictKey.fromPem(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
