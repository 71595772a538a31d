package com.acme.tiering.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver, pointed at the service under test. Screenshots go
 * to {@code tiering.screenshots.dir} (the build folder's {@code screenshots/} unless told otherwise; README's
 * "Screenshots" says how to refresh {@code docs/screenshots/}).
 */
public final class Browser implements AutoCloseable {

    /** A laptop screen. */
    private static final Dimension WINDOW = new Dimension(1366, 900);

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // a page that is replaced while a condition looks at it is looked at again, not a failure
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Starts Chromium for a service on {@code http://localhost:port}. */
    public static Browser start(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserAvailability.chromium().toFile());
        // the console, where Chromium reports what the Content-Security-Policy refused (policyViolations)
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // The flags Chromium needs as root on a machine with a closed network (docs/development.md).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=" + WINDOW.width + "," + WINDOW.height,
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserAvailability.chromedriver().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the service, e.g. {@code /customers?q=CUST-1}. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the sign-in page and lands where the service sends the user. */
    public Browser signIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Browser signOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until the page's text contains {@code text}; returns the page text. */
    public String awaitText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return text();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * What the pages' Content-Security-Policy refused (an inline script or style, a script from elsewhere) since the
     * last call, as Chromium reported it in the console; reading clears it.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Accepts the confirmation a form asks before it changes something. */
    public void acceptConfirmation() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /**
     * Saves the whole page (not just the window) as {@code name.png} in the screenshots folder and returns it.
     */
    public Path screenshot(String name) {
        try {
            Path folder = Path.of(System.getProperty("tiering.screenshots.dir", "target/screenshots"));
            Files.createDirectories(folder);
            // The window holds the page and the browser's own bars: grow it by what the page needs beyond the
            // viewport, so that the viewport (what the screenshot shows) holds the whole page.
            Number page = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
            Number viewport = (Number) script("return window.innerHeight");
            int grow = Math.max(0, Math.min(4000, page.intValue()) - viewport.intValue());
            driver.manage().window().setSize(new Dimension(WINDOW.width, WINDOW.height + grow));
            try {
                Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
                Path target = folder.resolve(name + ".png");
                Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            }
            finally {
                driver.manage().window().setSize(WINDOW);
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
