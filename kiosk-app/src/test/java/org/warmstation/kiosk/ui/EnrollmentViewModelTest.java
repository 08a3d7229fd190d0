package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.EnrollmentRefusal;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.EnrollmentVerifier;
import org.warmstation.protocol.enroll.StationEnrollment;

class EnrollmentViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final DistrictKey CHAOYANG = DistrictKey.generate(110105);
    private static final DistrictKey HAIDIAN = DistrictKey.generate(110108);
    private static final EnrollmentVerifier VERIFIER = new EnrollmentVerifier(new TrustList(NOW.minusSeconds(86_400),
            List.of(CHAOYANG.trustedKey(), HAIDIAN.trustedKey())), Set.of(110105));

    private final List<StationEnrollment> written = new ArrayList<>();
    private final List<StationEnrollment> switched = new ArrayList<>();
    private IOException writeFailure;

    private EnrollmentViewModel viewModel() {
        return new EnrollmentViewModel(() -> VERIFIER, new TestStationClock(NOW), new SameThreadTaskExecutor(), e -> {
            if (writeFailure != null) {
                throw writeFailure;
            }
            written.add(e);
        }, switched::add);
    }

    private static String code(DistrictKey key, Instant expires) {
        return EnrollmentToken.sign(new StationEnrollment(key.districtId(), "CY-0042", "望京街道暖心驿站", 39.9961, 116.47,
                "tcp://127.0.0.1:1883", "q8Xr2mLwTz9KpV4nYc", expires, key.keyId()), key.privateKey());
    }

    @Test
    void validCodeIsWrittenThenTheKioskTakesOver() {
        EnrollmentViewModel vm = viewModel();
        vm.scanned(code(CHAOYANG, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentViewModel.State.ENROLLED, vm.stateProperty().get());
        assertEquals(1, written.size());
        assertEquals("CY-0042", written.getFirst().stationId());
        assertEquals(written, switched);
        assertEquals("注册成功：望京街道暖心驿站（CY-0042），正在连接……", vm.messageZhProperty().get());
        assertTrue(vm.messageEnProperty().get().startsWith("Enrolled: 望京街道暖心驿站 (CY-0042)"),
                vm.messageEnProperty().get());
        vm.scanned(code(CHAOYANG, NOW.plusSeconds(3600)));
        assertEquals(1, written.size(), "a second scan after enrolling is ignored");
    }

    @Test
    void reenrollingTerminalRefusesAnotherStationsCodeAndAcceptsItsOwn() {
        // a terminal configured as CY-0007 re-enrolls (decision 0225): CY-0042's genuine code is not for it
        EnrollmentViewModel vm = new EnrollmentViewModel(() -> VERIFIER.forStation("CY-0007"), new TestStationClock(NOW),
                new SameThreadTaskExecutor(), written::add, switched::add);
        vm.scanned(code(CHAOYANG, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentViewModel.State.WAITING, vm.stateProperty().get());
        assertEquals(EnrollmentRefusal.OTHER_STATION, vm.refusalProperty().get());
        assertEquals("此注册码属于其他驿站，本终端只能用本站的新注册码重新登记", vm.messageZhProperty().get());
        assertEquals("This enrollment code is for another station; re-enroll this terminal only with a new code for "
                + "this station", vm.messageEnProperty().get());
        assertEquals(List.of(), written, "nothing written for another station's code");

        EnrollmentViewModel own = new EnrollmentViewModel(() -> VERIFIER.forStation("CY-0042"),
                new TestStationClock(NOW), new SameThreadTaskExecutor(), written::add, switched::add);
        own.scanned(code(CHAOYANG, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentViewModel.State.ENROLLED, own.stateProperty().get(), "its own station's code");
        assertEquals(1, written.size());
        own.scanned(code(HAIDIAN, NOW.plusSeconds(3600)));
        assertEquals(1, written.size());
        EnrollmentViewModel other = new EnrollmentViewModel(() -> VERIFIER.forStation("CY-0042"),
                new TestStationClock(NOW), new SameThreadTaskExecutor(), written::add, switched::add);
        other.scanned(code(HAIDIAN, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentRefusal.OTHER_DISTRICT, other.refusalProperty().get(),
                "the same station id in another district is still another district's");
    }

    @Test
    void otherDistrictsCodeIsRefusedInBothLanguagesAndTheScreenKeepsWaiting() {
        EnrollmentViewModel vm = viewModel();
        vm.scanned(code(HAIDIAN, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentViewModel.State.WAITING, vm.stateProperty().get());
        assertEquals(EnrollmentRefusal.OTHER_DISTRICT, vm.refusalProperty().get());
        assertEquals("此注册码属于其他区，本终端不能注册到该区", vm.messageZhProperty().get());
        assertEquals("This enrollment code is for another district; this terminal cannot join it",
                vm.messageEnProperty().get());
        assertEquals(List.of(), written);

        vm.scanned(code(CHAOYANG, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentViewModel.State.ENROLLED, vm.stateProperty().get(), "a right code after a wrong one");
        assertNull(vm.refusalProperty().get());
    }

    @Test
    void expiredAndTamperedCodesAndMemberCardsEachGetTheirReason() {
        EnrollmentViewModel vm = viewModel();
        vm.scanned(code(CHAOYANG, NOW.minusSeconds(1)));
        assertEquals(EnrollmentRefusal.EXPIRED, vm.refusalProperty().get());
        assertEquals("此注册码已过期，请向区总工会申请新的注册码", vm.messageZhProperty().get());

        String good = code(CHAOYANG, NOW.plusSeconds(3600));
        byte[] all = org.warmstation.protocol.card.Base45.decode(good.substring(4));
        all[all.length - 70] ^= 0x20; // inside the credential
        vm.scanned("WSE:" + org.warmstation.protocol.card.Base45.encode(all));
        assertEquals(EnrollmentRefusal.BAD_SIGNATURE, vm.refusalProperty().get());
        assertEquals("This enrollment code failed the check; it may have been altered", vm.messageEnProperty().get());

        vm.scanned("WSM:NOT-AN-ENROLLMENT");
        assertEquals(EnrollmentRefusal.NOT_AN_ENROLLMENT_CODE, vm.refusalProperty().get());
        assertEquals(List.of(), written);
    }

    @Test
    void configurationThatCannotBeWrittenIsSaidOnScreenAndTheCodeCanBeShownAgain() {
        EnrollmentViewModel vm = viewModel();
        writeFailure = new IOException("/etc/warm-station: read-only file system");
        vm.scanned(code(CHAOYANG, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentViewModel.State.WAITING, vm.stateProperty().get());
        assertEquals("站点配置未能保存：/etc/warm-station: read-only file system", vm.messageZhProperty().get());
        assertEquals(List.of(), switched);

        writeFailure = null;
        vm.scanned(code(CHAOYANG, NOW.plusSeconds(3600)));
        assertEquals(EnrollmentViewModel.State.ENROLLED, vm.stateProperty().get());
    }
}
