package org.warmstation.district.console.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium for browser tests: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (override with {@code -Dchromium.binary} /
 * {@code -Dwebdriver.chrome.driver}); both are given explicitly, so Selenium Manager never
 * downloads anything. A fresh profile directory per browser, 1366x768 window; the browser's
 * console log is kept ({@code driver().manage().logs().get(LogType.BROWSER)}).
 *
 * <p>Screenshots go to the folder of the system property {@code screenshots.dir} (the build folder
 * under Maven), else {@code target/screenshots}. Not thread-safe: one test drives one browser.
 */
public final class Browser implements AutoCloseable {
    /** Chromium binary. */
    public static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    /** chromedriver binary. */
    public static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    /** Default wait for a page condition. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final String base;
    private final Path profile;
    private final ChromeDriver driver;

    /**
     * Starts a browser.
     *
     * @param base the console's base URL (paths are opened relative to it)
     * @throws IOException when the profile directory cannot be made
     */
    public Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("chromium-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,768", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** @return the WebDriver, for anything this helper lacks */
    public WebDriver driver() {
        return driver;
    }

    /**
     * @param path a path of the console, e.g. {@code /stations?lang=en}
     * @return this
     */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /**
     * Logs in through the real form and waits until the browser has left the login page.
     *
     * @param name     login
     * @param password password
     * @return this
     * @throws org.openqa.selenium.TimeoutException when still on the login page after {@link #WAIT}
     */
    public Browser login(String name, String password) {
        open("/login");
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /**
     * Logs out with the layout's button and waits for the login page.
     *
     * @return this
     */
    public Browser logout() {
        waitFor(By.id("logout")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        return this;
    }

    /**
     * Clicks an element that submits a form or follows a link, and waits until the page it was on
     * has gone: the element is stale, or (as Chromium sometimes answers while the next page loads)
     * "does not belong to the document". Selenium's {@code stalenessOf} treats the latter as an error.
     *
     * @param e an element of the current page
     * @throws org.openqa.selenium.TimeoutException when the page is still there after {@link #WAIT}
     */
    public void clickAndWaitForNewPage(WebElement e) {
        e.click();
        new WebDriverWait(driver, WAIT).until(d -> detached(e));
    }

    private static boolean detached(WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException other) {
            if (String.valueOf(other.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw other;
        }
    }

    /**
     * @param by a locator
     * @return the element once visible
     * @throws org.openqa.selenium.TimeoutException after {@link #WAIT}
     */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * @param by a locator
     * @return the visible text of the element, once visible
     */
    public String text(By by) {
        return waitFor(by).getText();
    }

    /**
     * @param width  CSS pixels
     * @param height CSS pixels
     * @return this
     */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /**
     * Saves a PNG of the viewport.
     *
     * @param name file name without {@code .png}
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
