package dev.parley.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, for
 * the console's browser tests. Without the two programs the tests are skipped with a message, unless
 * {@code PARLEY_BROWSER_TESTS=required} (as {@code .ci/run} sets it), which makes them fail instead.
 * Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

	public static final Dimension DESKTOP = new Dimension(1280, 800);

	public static final Dimension PHONE = new Dimension(375, 812);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String baseUrl;

	private Browser(ChromeDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	private static File chromium() {
		return new File(System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
	}

	private static File chromedriver() {
		return new File(System.getenv().getOrDefault("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver"));
	}

	/** Skips the calling test (or fails it in CI) when there is no browser to drive. */
	public static void assumeInstalled() {
		boolean installed = chromium().canExecute() && chromedriver().canExecute();
		String missing = "browser tests need " + chromium() + " and " + chromedriver()
				+ " (Debian: apt-get install chromium chromium-driver)";
		if ("required".equals(System.getenv("PARLEY_BROWSER_TESTS"))) {
			Assertions.assertTrue(installed, missing + "; PARLEY_BROWSER_TESTS=required");
		}
		Assumptions.assumeTrue(installed, "skipped: " + missing);
	}

	/** A new headless browser window of the given size, on the server at port. */
	public static Browser open(int port, Dimension size) {
		assumeInstalled();
		ChromeOptions options = new ChromeOptions().setBinary(chromium());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-extensions", "--no-first-run", "--mute-audio",
				"--window-size=" + size.getWidth() + "," + size.getHeight());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(size);
		return new Browser(driver, "http://localhost:" + port);
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Opens a console address, e.g. {@code "/#/chats"}, and waits for the shell to be ready. */
	public Browser go(String path) {
		driver.get(baseUrl + path);
		waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
		return this;
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/** The element, once it is visible (10 s at most). */
	public WebElement waitFor(String css) {
		return wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	public void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		wait(Duration.ofSeconds(10)).until(condition::apply);
	}

	public WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(driver, timeout, Duration.ofMillis(50));
	}

	public Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
	}

	/** Writes target/screenshots/{name}-{width}x{height}.png. */
	public Path screenshot(String name) {
		Dimension size = driver.manage().window().getSize();
		Path file = SCREENSHOTS.resolve(name + "-" + size.getWidth() + "x" + size.getHeight() + ".png");
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** The browser console's errors so far (a Content-Security-Policy violation is one). */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Signs a new account up through the console's form and waits for the chats. */
	public Browser signUp(String email, String password) {
		// A fresh page load: going from one hash route to another would race the old page's form.
		driver.get("about:blank");
		go("/#/signup");
		waitFor("#signup-email").sendKeys(email);
		find("#signup-password").sendKeys(password);
		find("#signup-submit").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("#/chats") && !findAll("main[data-page=chats]").isEmpty());
		return this;
	}

	/** Logs in through the console's form and waits for the chats. */
	public Browser signIn(String email, String password) {
		driver.get("about:blank");
		go("/#/login");
		waitFor("#login-email").sendKeys(email);
		find("#login-password").sendKeys(password);
		find("#login-submit").click();
		waitUntil(d -> d.getCurrentUrl().endsWith("#/chats") && !findAll("main[data-page=chats]").isEmpty());
		return this;
	}

	@Override
	public void close() {
		driver.quit();
	}
}
