package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /redoc is rendered by the ReDoc that ships in the jar, under a policy of its own. */
@IntegrationTest
class ApiReferenceBrowserTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void redocLoadsItsScriptFromParleyItself() {
		ApiClient.Response page = api.get("/redoc", null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<script src=\"/vendor/redoc/redoc.standalone.js\"></script>")
			.doesNotContain("https://");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "worker-src 'self' blob:")
			.doesNotContain("unsafe-eval");
		ApiClient.Response script = api.get("/vendor/redoc/redoc.standalone.js", null);
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.header("Content-Type")).contains("javascript");
		assertThat(script.body()).contains("ReDoc");
		assertThat(api.get("/vendor/redoc/LICENSE", null).body()).contains("MIT");
	}

	@Test
	void redocRendersTheApiInChromiumWithoutAConsoleError() {
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.driver().get("http://localhost:" + port + "/redoc");
			browser.wait(Duration.ofSeconds(30))
				.until(d -> !d.findElements(By.cssSelector(".api-info h1, .api-content h1")).isEmpty());
			assertThat(browser.find(".api-content").getText()).contains("Auth");
			// ReDoc's footer asks cdn.redoc.ly for its logo; the page's policy blocks it (and ReDoc then hides it).
			assertThat(browser.consoleErrors()).filteredOn(error -> !error.contains("https://cdn.redoc.ly/redoc/logo-mini.svg"))
				.isEmpty();
		}
	}
}
