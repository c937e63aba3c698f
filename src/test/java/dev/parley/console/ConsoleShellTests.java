package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console is served by Parley itself, confined by its headers, and loads in a real browser without errors. */
@IntegrationTest
class ConsoleShellTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void theConsoleIsServedAtTheRootWithAStrictContentSecurityPolicy() {
		ApiClient.Response page = api.get("/", null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("/console/app.js");
		String policy = page.header("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Test
	void itsLibrariesShipInTheJar() {
		for (String path : new String[] { "/webjars/marked/lib/marked.umd.js", "/webjars/dompurify/dist/purify.min.js",
				"/webjars/chart.js/dist/chart.umd.min.js", "/console/app.js", "/console/console.css" }) {
			ApiClient.Response asset = api.get(path, null);
			assertThat(asset.status()).as(path).isEqualTo(200);
			assertThat(asset.header("Content-Security-Policy")).as(path).isNotNull();
		}
	}

	@Test
	void theShellLoadsInChromiumWithoutAConsoleError() {
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.go("/");

			assertThat(browser.script("return typeof window.marked.parse + typeof window.DOMPurify.sanitize"))
				.isEqualTo("functionfunction");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}
}
