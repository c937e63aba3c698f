package dev.parley.console;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The keys page: an API key made there works from its snippet; provider keys never show their secret again. */
@ConsolePagesTest
class KeysBrowserTests {

	private static final Pattern PYTHON = Pattern.compile("base_url=\"([^\"]+)\", api_key=\"([^\"]+)\"");

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void anApiKeyCreatedInTheConsoleWorksFromItsSnippet() {
		Session user = api.register();
		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/keys")) {
			assertThat(ConsolePages.waitFor(browser, "#snippet-python").getText()).contains("api_key=\"pk_…\"");

			browser.find("#api-key-name").sendKeys("snippet test");
			browser.find("#api-key-create").click();
			String shown = ConsolePages.waitFor(browser, "#new-api-key").getText();
			browser.waitUntil(d -> browser.find("#snippet-python").getText().contains(shown));
			ConsolePages.screenshots(browser, "keys");

			Matcher snippet = PYTHON.matcher(browser.find("#snippet-python").getText());
			assertThat(snippet.find()).isTrue();
			String baseUrl = snippet.group(1);
			String key = snippet.group(2);
			assertThat(baseUrl).isEqualTo("http://localhost:" + port + "/v1");
			assertThat(key).startsWith("pk_").isEqualTo(shown);
			assertThat(browser.find("#snippet-curl").getAttribute("textContent")).contains(baseUrl + "/chat/completions",
					"Bearer " + key);

			Response models = api.send(HttpRequest.newBuilder(URI.create(baseUrl + "/models"))
				.header("Authorization", "Bearer " + key)
				.GET());
			assertThat(models.status()).as(models.body()).isEqualTo(200);
			Response completion = api.send(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"model\": \"local/echo\", \"messages\": [{\"role\": \"user\", \"content\": \"from the snippet\"}]}")));
			assertThat(completion.status()).as(completion.body()).isEqualTo(200);
			assertThat(completion.json().get("choices").get(0).get("message").get("content").asString())
				.contains("from the snippet");

			ConsolePages.open(browser, "#/agents");
			ConsolePages.open(browser, "#/keys");
			ConsolePages.waitFor(browser, "[data-revoke]");
			assertThat(browser.driver().getPageSource()).contains("snippet test").doesNotContain(key);
			assertThat(browser.find("#snippet-python").getText()).contains("api_key=\"pk_…\"");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aRevokedKeyStopsWorking() {
		Session user = api.register();
		Response created = api.post("/api/v1/api-keys", user.accessToken(), map("name", "to revoke"));
		String key = created.json().get("key").asString();
		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/keys")) {
			ConsolePages.waitFor(browser, "[data-revoke]").click();
			browser.driver().switchTo().alert().accept();
			browser.waitUntil(d -> browser.findAll("[data-revoke]").isEmpty());
		}
		assertThat(api.get("/v1/models", key).status()).isEqualTo(401);
	}

	@Test
	void aProviderKeyIsStoredAndNeverShownAgain() {
		Session user = api.register();
		String secret = "sk-console-test-0123456789abcd";
		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/keys")) {
			ConsolePages.waitFor(browser, "#integration-key").sendKeys(secret);
			browser.find("#integration-label").sendKeys("Work");
			browser.find("#integration-add").click();
			ConsolePages.waitFor(browser, "[data-test='openai']");

			assertThat(browser.find("#integration-key").getDomProperty("value")).isEmpty();
			assertThat(browser.driver().getPageSource()).contains("••••abcd").doesNotContain(secret);
		}
		Response stored = api.get("/api/v1/integrations", user.accessToken());
		assertThat(stored.json().get("items").get(0).get("label").asString()).isEqualTo("Work");
		assertThat(stored.body()).doesNotContain(secret);
	}
}
