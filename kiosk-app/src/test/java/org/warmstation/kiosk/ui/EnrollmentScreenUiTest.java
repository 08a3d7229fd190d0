package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.enroll.EnrollmentVerifier;

/**
 * The first-run enrollment screen (a terminal without a configuration) fits the terminal's panel
 * and the smallest (800x480), with nothing outside and no text clipped, before a code is shown
 * and with a refusal under the prompt (decision 0280).
 */
class EnrollmentScreenUiTest {
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 600", "800, 480"})
    void theEnrollmentScreenFitsThePanel(int width, int height) {
        EnrollmentVerifier verifier = new EnrollmentVerifier(new TrustList(NOW.minusSeconds(86_400),
                List.of(DistrictKey.generate(110105).trustedKey())), Set.of(110105));
        EnrollmentViewModel vm = new EnrollmentViewModel(() -> verifier, new TestStationClock(NOW),
                new SameThreadTaskExecutor(), e -> { }, e -> { });
        Stage stage = FxToolkit.call(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(EnrollmentPane.build(vm), width, height));
            s.show();
            return s;
        });
        try {
            List<String> before = FxToolkit.call(() -> TouchTargets.problems(stage.getScene().getRoot(), 96));
            FxToolkit.run(() -> vm.scanned("WS1:not an enrollment code at all"));
            List<String> refused = FxToolkit.call(() -> TouchTargets.problems(stage.getScene().getRoot(), 96));
            assertEquals(List.of(), before, String.join("\n", before));
            assertEquals(List.of(), refused, String.join("\n", refused));
        } finally {
            FxToolkit.run(stage::close);
        }
    }
}
