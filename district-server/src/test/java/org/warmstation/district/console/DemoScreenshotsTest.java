package org.warmstation.district.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.sim.DistrictSimulator;
import org.warmstation.district.testing.SimulatedDistrictFixture;

/**
 * The README's five console screenshots, taken in headless Chromium from the demo's simulated
 * Chaoyang district (40 stations, 30 days, as {@code ./station demo} shows it): overview, stations,
 * map, a station's detail (CY-S0001, 东大桥驿站（模拟）) at 1366×768, the public finder at phone size. Written to
 * {@code screenshots.dir} ({@code target/screenshots}; {@code ./station screenshots} writes
 * docs/screenshots). Each page is checked to show the simulated district before it is shot.
 */
@Tag("screenshots")
class DemoScreenshotsTest {
    private static final int STATIONS = 40;

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(SimulatedDistrictFixture::load);

    private static Browser analyst(String path) throws Exception {
        Browser b = new Browser(console.url());
        b.size(1366, 768);
        b.open(path);
        b.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        b.open(path);
        return b;
    }

    private static void atLeast(Browser b, String css, int n) {
        new WebDriverWait(b.driver(), Browser.WAIT).until(d -> d.findElements(By.cssSelector(css)).size() >= n);
    }

    private static void shot(Browser b, String name) throws Exception {
        Path png = b.screenshot(name);
        assertTrue(Files.size(png) > 20_000, name + " is a real page: " + Files.size(png) + " bytes");
    }

    @Test
    void overview() throws Exception {
        try (Browser b = analyst("/")) {
            b.waitFor(By.cssSelector("#hour-chart canvas"));
            atLeast(b, "#category-table tbody tr", 3);
            shot(b, "district-overview");
        }
    }

    @Test
    void stations() throws Exception {
        try (Browser b = analyst("/stations")) {
            atLeast(b, "#stations-table tbody tr", STATIONS);
            assertTrue(b.text(By.id("stations-table")).contains("东大桥驿站" + DistrictSimulator.NAME_SUFFIX));
            atLeast(b, "#stations-table tr[data-state='OFFLINE']", 3);
            atLeast(b, "#stations-table tr[data-state='QUIET']", 2);
            shot(b, "district-stations");
        }
    }

    @Test
    void map() throws Exception {
        try (Browser b = analyst("/map")) {
            atLeast(b, "#map path.station-marker", STATIONS);
            shot(b, "district-map");
        }
    }

    @Test
    void stationDetail() throws Exception {
        try (Browser b = analyst("/stations/CY-S0001")) {
            b.waitFor(By.cssSelector("#trend-chart canvas"));
            assertTrue(b.text(By.id("station-heading")).contains("CY-S0001"), b.text(By.id("station-heading")));
            atLeast(b, "#heat-table tbody tr", 7);
            shot(b, "district-station");
        }
    }

    @Test
    void publicFinder() throws Exception {
        try (Browser b = new Browser(console.url())) {
            b.size(412, 915);
            b.open("/stations/public?lat=39.9219&lon=116.4436&open=1"); // 朝阳门外, near 东大桥
            atLeast(b, ".finder-station h2", 5);
            shot(b, "district-public");
        }
    }
}
