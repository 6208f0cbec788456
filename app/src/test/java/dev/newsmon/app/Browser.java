package dev.newsmon.app;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Headless Chromium driven through Selenium with Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}; .ci/run installs them). Either one missing fails the test: a browser test must not pass by
 * not running. Nothing is downloaded: both binaries are named, so Selenium Manager is never asked.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A browser window of {@code width} x {@code height} CSS pixels. */
    static Browser launch(int width, int height) {
        for (Path p : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError(p + " is missing; install it with: "
                        + "apt-get install -y chromium chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** The value of a JavaScript expression in the page. */
    Object eval(String expression) {
        return ((JavascriptExecutor) driver).executeScript("return (" + expression + ");");
    }

    boolean isTrue(String expression) {
        return Boolean.TRUE.equals(eval(expression));
    }

    /** Waits until the expression is true; fails with the page's text when it is not within a minute. */
    void awaitTrue(String expression) {
        try {
            new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100)).until(d -> isTrue(expression));
        } catch (TimeoutException e) {
            throw new AssertionError("not true within " + TIMEOUT + ": " + expression + "\npage: "
                    + eval("document.body ? document.body.innerText : ''"), e);
        }
    }

    /** Cuts the page off the network, or puts it back, as a dropped connection would (Chromium's emulation). */
    void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Sets the size of the viewport, what the page lays itself out in (not of the window around it). */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long dw = width - ((Number) eval("window.innerWidth")).longValue();
        long dh = height - ((Number) eval("window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension((int) (width + dw), (int) (height + dh)));
    }

    /** True when the page is no wider than the viewport: nothing to scroll sideways. */
    boolean fitsWidth() {
        return isTrue("document.documentElement.scrollWidth <= window.innerWidth");
    }

    /** A PNG of what the viewport shows now. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** A PNG of the whole page, as tall as its content. */
    void fullPageScreenshot(Path file) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) eval("document.documentElement.scrollHeight")).longValue();
        viewport(((Number) eval("window.innerWidth")).intValue(), (int) Math.min(height, 4000));
        try {
            screenshot(file);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
