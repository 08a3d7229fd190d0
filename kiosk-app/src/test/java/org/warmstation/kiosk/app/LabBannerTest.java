package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.ui.FxTaskExecutor;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.LabBanner;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;

/**
 * A kiosk allowed to reach its broker over plain {@code tcp://} says so on screen (decision 0180):
 * the red lab band in Chinese and English over the idle screen, on the headless JavaFX platform;
 * a kiosk without the flag shows none.
 */
class LabBannerTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxToolkit.start();
    }

    private String bannerText(Map<String, String> extra) throws Exception {
        Files.writeString(dir.resolve("trust-list.txt"), new TrustList(Instant.parse("2026-01-01T00:00:00Z"),
                List.of(DistrictKey.generate(110105).trustedKey())).format(), StandardCharsets.UTF_8);
        Map<String, String> p = new HashMap<>(Map.of("station.id", "CY-0042", "station.name", "望京街道暖心驿站",
                "district.id", "110105", "location.latitude", "39.9961", "location.longitude", "116.47",
                "trust.file", dir.resolve("trust-list.txt").toString(), "scanner.source", "none",
                "data.dir", dir.resolve("data-" + extra.size()).toString()));
        p.putAll(extra);
        StationConfig config = StationConfig.parse(p, dir.resolve("station.properties"));
        KioskRuntime runtime = KioskRuntime.fromConfig(config, new FxTaskExecutor());
        try {
            Stage stage = FxToolkit.call(() -> {
                Stage s = new Stage();
                Parent root = runtime.root(() -> { });
                s.setScene(new Scene(root, KioskRuntime.SCREEN_WIDTH, KioskRuntime.SCREEN_HEIGHT));
                s.show();
                return s;
            });
            try {
                return FxToolkit.call(() -> {
                    assertTrue(stage.getScene().lookup("#screen-IDLE") != null, "the idle screen is there");
                    Label banner = (Label) stage.getScene().lookup("#" + LabBanner.ID);
                    return banner == null || !banner.isVisible() ? null : banner.getText();
                });
            } finally {
                FxToolkit.run(stage::close);
            }
        } finally {
            runtime.close();
        }
    }

    @Test
    void insecureLabKioskShowsTheLabBandInBothLanguages() throws Exception {
        String text = bannerText(Map.of("broker.url", "tcp://127.0.0.1:1883", "broker.insecure-lab", "true"));
        assertTrue(text != null && text.contains("实验室模式") && text.contains("LAB MODE") && text.contains("not encrypted"),
                "banner: " + text);
    }

    @Test
    void pinnedTlsKioskShowsNoBand() throws Exception {
        assertFalse(bannerText(Map.of("broker.url", "ssl://mqtt.example.cn:8883", "broker.ca.pin", "ab".repeat(32)))
                != null, "no lab band on an ssl:// station");
    }
}
