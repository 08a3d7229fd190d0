package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;

/**
 * Issue 15, step 1: the update manifest signed by a key of purpose {@code update}, the
 * {@code UPDATE} downlink that carries it, the station's update report in status and heartbeat,
 * and Debian version order.
 */
class SignedUpdateTest {
    private static final int DISTRICT = WireSamples.DISTRICT;
    private static final Instant T = WireSamples.T;
    private static final DistrictKey UPDATE = DistrictKey.generate(DISTRICT);
    private static final DistrictKey DOWNLINK = DistrictKey.generate(DISTRICT);
    private static final TrustList TRUST = new TrustList(T, List.of(
            UPDATE.trustedKey(EnumSet.of(KeyPurpose.UPDATE)), DOWNLINK.trustedKey(EnumSet.of(KeyPurpose.DOWNLINK))), 2);
    private static final Path SCHEMAS = Path.of(System.getProperty("user.dir")).resolve("../docs/schemas").normalize();

    static UpdateManifest manifest() {
        return UpdateManifest.of(DISTRICT, "0.2.0", "ab".repeat(32), 31_457_280,
                "http://district.example.cn:8080/updates/0.2.0/warm-station-terminal_0.2.0_all.deb", T);
    }

    @Test
    void manifestSignedByTheUpdateKeyVerifies() {
        assertEquals(manifest(), SignedUpdate.sign(manifest(), UPDATE).verify(TRUST, DISTRICT));
    }

    @Test
    void manifestSignedByADownlinkKeyIsRefused() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> SignedUpdate.sign(manifest(), DOWNLINK).verify(TRUST, DISTRICT));
        assertTrue(e.getMessage().contains("not signed by a trusted update key"), e.getMessage());
        assertTrue(e.getMessage().contains("is not an update key (downlink)"), e.getMessage());
    }

    @Test
    void tamperedManifestOrSignatureIsRefused() {
        SignedUpdate good = SignedUpdate.sign(manifest(), UPDATE);
        String json = new String(Base64.getDecoder().decode(good.manifest()), StandardCharsets.UTF_8);
        String other = Base64.getEncoder().encodeToString(json.replace("abab", "cdab").getBytes(StandardCharsets.UTF_8));
        assertThrows(WireFormatException.class, () -> new SignedUpdate(good.keyId(), other, good.signature())
                .verify(TRUST, DISTRICT));
        byte[] sig = Base64.getDecoder().decode(good.signature());
        sig[5] ^= 1;
        assertThrows(WireFormatException.class, () -> new SignedUpdate(good.keyId(), good.manifest(),
                Base64.getEncoder().encodeToString(sig)).verify(TRUST, DISTRICT));
        assertThrows(WireFormatException.class, () -> new SignedUpdate(good.keyId(), "%%%", good.signature())
                .verify(TRUST, DISTRICT));
    }

    @Test
    void manifestOfAnotherDistrictIsRefusedEvenByItsOwnKey() {
        DistrictKey other = DistrictKey.generate(110101);
        TrustList both = TRUST.plus(3, T, List.of(other.trustedKey(EnumSet.of(KeyPurpose.UPDATE))));
        UpdateManifest m = UpdateManifest.of(110101, "0.2.0", "ab".repeat(32), 10, "https://x.example.cn/a.deb", T);
        assertThrows(WireFormatException.class, () -> SignedUpdate.sign(m, other).verify(both, DISTRICT));
    }

    @Test
    void keyLineWithoutPurposeDoesNotSignUpdates() {
        DistrictKey old = DistrictKey.generate(DISTRICT);
        TrustList legacy = new TrustList(T, List.of(old.trustedKey()));
        assertFalse(legacy.keys().getFirst().allows(KeyPurpose.UPDATE));
        assertThrows(WireFormatException.class, () -> SignedUpdate.sign(manifest(), old).verify(legacy, DISTRICT));
        assertTrue(TrustList.parse(TRUST.format()).keys().getFirst().allows(KeyPurpose.UPDATE), TRUST.format());
    }

    @Test
    void manifestRefusesBadFields() {
        assertThrows(IllegalArgumentException.class, () -> UpdateManifest.of(DISTRICT, "v2", "ab".repeat(32), 10, "http://a/b", T));
        assertThrows(IllegalArgumentException.class, () -> UpdateManifest.of(DISTRICT, "0.2", "AB".repeat(32), 10, "http://a/b", T));
        assertThrows(IllegalArgumentException.class, () -> UpdateManifest.of(DISTRICT, "0.2", "ab".repeat(32), 0, "http://a/b", T));
        assertThrows(IllegalArgumentException.class, () -> UpdateManifest.of(DISTRICT, "0.2", "ab".repeat(32), 10, "file:///etc/passwd", T));
        assertThrows(IllegalArgumentException.class, () -> UpdateManifest.of(DISTRICT, "0.2", "ab".repeat(32), 10, "http://u:p@a/b", T));
        assertThrows(IllegalArgumentException.class, () -> new UpdateManifest(UpdateManifest.SCHEMA, DISTRICT, "bash", "0.2",
                "ab".repeat(32), 10, "http://a/b", T, null));
        for (String arch : List.of("", "ARM64", "arm64; rm -rf /", "a".repeat(33), "-arm")) {
            assertThrows(IllegalArgumentException.class,
                    () -> UpdateManifest.of(DISTRICT, "0.2", arch, "ab".repeat(32), 10, "http://a/b", T), arch);
        }
    }

    @Test
    void theArchitectureIsSignedWithTheManifestAndDecidesWhereItInstalls() {
        UpdateManifest arm = UpdateManifest.of(DISTRICT, "0.2.0", "arm64", "ab".repeat(32), 10, "http://a/b", T);
        assertEquals("arm64", SignedUpdate.sign(arm, UPDATE).verify(TRUST, DISTRICT).architecture());
        assertTrue(arm.installableOn("arm64"));
        assertFalse(arm.installableOn("amd64"));
        assertFalse(arm.installableOn("armhf"));
        UpdateManifest any = UpdateManifest.of(DISTRICT, "0.2.0", "all", "ab".repeat(32), 10, "http://a/b", T);
        assertTrue(any.installableOn("amd64") && any.installableOn("arm64"));
        assertTrue(manifest().installableOn("riscv64"), "an older district's manifest names none: dpkg decides");
    }

    @Test
    void anOlderDistrictsManifestWithoutArchitectureStillVerifies() {
        String json = new String(Wire.encode(manifest()), StandardCharsets.UTF_8);
        assertFalse(json.contains("architecture"), json);
        assertNull(Wire.decode(json.getBytes(StandardCharsets.UTF_8), UpdateManifest.class).architecture());
    }

    @Test
    void updateDownlinkRoundTripsAndConformsToItsSchema() throws Exception {
        DownlinkCommand cmd = DownlinkCommand.update(DISTRICT, WireSamples.STATION, T, SignedUpdate.sign(manifest(), UPDATE));
        Downlink signed = Downlink.sign(cmd, DOWNLINK);
        DownlinkCommand back = signed.verify(TRUST, DISTRICT, WireSamples.STATION);
        assertEquals(cmd, back);
        assertEquals(manifest(), back.update().verify(TRUST, DISTRICT));
        assertEquals(Set.of(), validate("downlink-command.schema.json", cmd));
        assertEquals(Set.of(), validate("update-manifest.schema.json", manifest()));
        assertThrows(IllegalArgumentException.class, () -> new DownlinkCommand(DownlinkCommand.SCHEMA, cmd.id(), DISTRICT,
                WireSamples.STATION, T, DownlinkCommand.Kind.SETTINGS, null, null, null, null, null, null, null, cmd.update()));
    }

    @Test
    void statusAndHeartbeatCarryTheUpdateReport() throws Exception {
        UpdateReport report = new UpdateReport(UpdateReport.State.ROLLED_BACK, "0.2.0", "kiosk not healthy within 5 min", T);
        StationStatus status = new StationStatus(StationStatus.SCHEMA, DISTRICT, WireSamples.STATION,
                StationStatus.State.ONLINE, "0.1.0", T, null, null, 60, WireSamples.lists(), report);
        Telemetry beat = new Telemetry(Telemetry.SCHEMA, DISTRICT, WireSamples.STATION, T, "0.1.0", 3600, 12, 95L, 40,
                1_000_000_000L, false, true, 18.5, 3, null, null, WireSamples.lists(), report);
        assertEquals(status, Wire.decode(Wire.encode(status), StationStatus.class));
        assertEquals(beat, Wire.decode(Wire.encode(beat), Telemetry.class));
        assertEquals(Set.of(), validate("status.schema.json", status));
        assertEquals(Set.of(), validate("telemetry.schema.json", beat));
        // a terminal before issue 15 sends neither: still decodes
        assertEquals(null, Wire.decode(Wire.encode(WireSamples.statusWithLists()), StationStatus.class).update());
    }

    @Test
    void debianVersionsCompareAsDpkgDoes() {
        List<String> ordered = List.of("0.1.0~SNAPSHOT", "0.1.0~SNAPSHOT+update1", "0.1.0", "0.1.0-1", "0.1.0+b1",
                "0.1.1", "0.1.10", "0.2.0~rc1", "0.2.0", "1:0.0.1");
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(DebianVersion.compare(ordered.get(i), ordered.get(j))), ordered.get(i) + " vs " + ordered.get(j));
            }
        }
        assertEquals(0, DebianVersion.compare("0.01", "0.1"));
        assertThrows(IllegalArgumentException.class, () -> DebianVersion.compare("0.1", "; rm -rf /"));
        assertTrue(DebianVersion.atLeast("0.2.0", "0.2.0"));
        assertTrue(DebianVersion.atLeast("0.10.0", "0.9.1"));
        assertFalse(DebianVersion.atLeast("0.2.0~rc1", "0.2.0"), "a release candidate is below its release");
        assertFalse(DebianVersion.atLeast(null, "0.2.0"), "nothing reported");
        assertFalse(DebianVersion.atLeast("not a version", "0.2.0"));
    }

    private Set<com.networknt.schema.ValidationMessage> validate(String file, Object record) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(file)))
                .validate(new ObjectMapper().readTree(Wire.encode(record)));
    }
}
