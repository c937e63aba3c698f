package dev.parley.console;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.catalog.recommendation.RecommenderModels;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The catalogue page: swipes by button and by keyboard are recorded, and the profile follows them. */
@ConsolePagesTest
class CatalogueBrowserTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Autowired
	RecommenderModels models;

	/** The product on the card shown, or "none". */
	private static String shownCard(Browser browser) {
		return (String) browser.script("return document.getElementById('swipe-card')?.dataset.productId || 'none'");
	}

	@Test
	void swipesOnTheCardsAreRecorded() {
		String admin = ConsolePages.admin(api).accessToken();
		Response category = api.post("/api/v1/categories", admin, map("name", "Console kitchen " + System.nanoTime()));
		assertThat(category.status()).as(category.body()).isEqualTo(201);
		for (String name : new String[] { "Blue mug", "Teapot", "Tea towel" }) {
			Response product = api.post("/api/v1/products", admin, map("name", name, "price", map("amount", "12.50", "currency", "EUR"),
					"category_id", category.json().get("id").asString(), "tags", java.util.List.of("tea"),
					"description", "A fine " + name.toLowerCase()));
			assertThat(product.status()).as(product.body()).isEqualTo(201);
		}
		models.refresh();
		Session user = api.register();

		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/catalogue")) {
			String first = ConsolePages.waitFor(browser, "#swipe-card").getDomAttribute("data-product-id");
			ConsolePages.screenshots(browser, "catalogue");
			browser.find("#swipe-like").click();
			browser.waitUntil(d -> !first.equals(shownCard(browser)));
			String second = shownCard(browser);
			assertThat(second).isNotNull();
			ConsolePages.waitFor(browser, "#swipe-card").sendKeys(Keys.ARROW_LEFT);
			browser.waitUntil(d -> !second.equals(shownCard(browser)));

			JsonNode sessions = api.get("/api/v1/swipes/sessions", user.accessToken()).json().get("items");
			assertThat(sessions).hasSize(1);
			assertThat(sessions.get(0).get("swipes").asInt()).isEqualTo(2);
			JsonNode profile = api.get("/api/v1/swipes/analytics", user.accessToken()).json();
			assertThat(profile.get("swipes").get("like").asLong()).isEqualTo(1);
			assertThat(profile.get("swipes").get("dislike").asLong()).isEqualTo(1);
			browser.waitUntil(d -> browser.find("#profile-signals").getText().startsWith("2 signals"));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}
}
