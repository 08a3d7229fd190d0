package org.warmstation.protocol.wire;

import java.util.Base64;
import java.util.Objects;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;

/**
 * The signed envelope of a {@link DownlinkCommand}, district to station on
 * {@code ws/v1/{district}/{station}/downlink} at QoS 1 (schema
 * {@code docs/schemas/downlink.schema.json}). The signature is Ed25519 (RFC 8032) over the exact
 * payload bytes, by a district key that the station's trust list holds for that district with the
 * purpose {@code downlink} (or a key line without purposes, as before issue 11).
 * Whole messages are limited to {@link Wire#MAX_DOWNLINK_BYTES}.
 *
 * @param schema    always {@link #SCHEMA}
 * @param keyId     id of the signing district key (as in the trust list), 0..65535
 * @param payload   Base64 of the UTF-8 JSON of a {@link DownlinkCommand}
 * @param signature Base64 of the 64-byte Ed25519 signature over the decoded payload bytes
 */
public record Downlink(String schema, int keyId, String payload, String signature) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.downlink/1";

    /** @throws IllegalArgumentException naming the first invalid field */
    public Downlink {
        Check.schema(schema, SCHEMA);
        if (keyId < 0 || keyId > 0xffff) {
            throw new IllegalArgumentException("keyId out of range: " + keyId);
        }
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Signs a command.
     *
     * @param command the command
     * @param key     the district's signing key (its district should be the command's)
     * @return the envelope
     * @throws IllegalArgumentException when the key's district is not the command's
     */
    public static Downlink sign(DownlinkCommand command, DistrictKey key) {
        if (key.districtId() != command.district()) {
            throw new IllegalArgumentException("key of district " + key.districtId() + " cannot sign for " + command.district());
        }
        byte[] bytes = Wire.encode(command);
        Base64.Encoder b64 = Base64.getEncoder();
        return new Downlink(SCHEMA, key.keyId(), b64.encodeToString(bytes),
                b64.encodeToString(Ed25519.sign(key.privateKey(), bytes)));
    }

    /**
     * Checks the signature and the addressing, then decodes the command.
     *
     * @param trust    the station's trust list
     * @param district the receiving station's district
     * @param station  the receiving station
     * @return the verified command, addressed to this station by its own district
     * @throws InvalidCommandException when the signature verifies and the command is addressed to
     *                             this station but invalid (answer it REFUSED)
     * @throws WireFormatException when the payload or signature is not Base64, no trusted key of
     *                             that district with that id verifies it, or the command is invalid
     *                             or addressed elsewhere
     */
    public DownlinkCommand verify(TrustList trust, int district, String station) {
        // only keys trusted for downlinks: one signed by a card or enrollment key is refused (issue 11)
        byte[] bytes = SignedBytes.verify("downlink", trust, keyId, KeyPurpose.DOWNLINK, district, payload, signature);
        DownlinkCommand command = decodeSigned(bytes, district, station);
        if (command.district() != district || !command.station().equals(station)) {
            throw new WireFormatException("downlink addressed to " + command.district() + "/" + command.station()
                    + ", not " + district + "/" + station);
        }
        return command;
    }

    /**
     * Decodes a command whose signature verified; an invalid one addressed here becomes an
     * {@link InvalidCommandException} (answered REFUSED), anything else a plain format error.
     */
    private static DownlinkCommand decodeSigned(byte[] bytes, int district, String station) {
        try {
            return Wire.decode(bytes, DownlinkCommand.class, Wire.MAX_DOWNLINK_BYTES);
        } catch (WireFormatException e) {
            InvalidCommandException.Header h;
            try {
                h = Wire.decode(bytes, InvalidCommandException.Header.class, Wire.MAX_DOWNLINK_BYTES);
            } catch (WireFormatException unreadable) {
                throw e;
            }
            if (!DownlinkCommand.SCHEMA.equals(h.schema()) || h.id() == null || h.district() != district
                    || !station.equals(h.station())) {
                throw e;
            }
            String reason = e.getMessage().startsWith("DownlinkCommand: ")
                    ? e.getMessage().substring("DownlinkCommand: ".length()) : e.getMessage();
            throw new InvalidCommandException(h, reason, e);
        }
    }
}
