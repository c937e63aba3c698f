package dev.parley.catalog;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /r/{product_id}}: a redirect to the shop with the affiliate parameters and a recorded
 * click, and only ever to a configured shop host.
 */
@CatalogIntegrationTest
class AffiliateLinkIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	CatalogClient catalog;

	@BeforeEach
	void admin() {
		catalog = CatalogClient.of(api);
	}

	@Test
	void redirectsToTheShopWithTheAffiliateParametersAndRecordsTheClick() {
		String id = catalog.productId(map("url", "https://shop.example/p/42?colour=red&tag=someone-else"));
		Response anonymous = api.get("/r/" + id, null);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location"))
			.isEqualTo("https://shop.example/p/42?colour=red&tag=parley-20&src=parley");
		assertThat(anonymous.header("Cache-Control")).contains("no-store");

		ApiClient.Session user = api.register();
		assertThat(api.get("/r/" + id, user.accessToken()).status()).isEqualTo(302);
		Response checked = api.send(api.request("/r/" + id, null).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(checked.status()).isEqualTo(302);

		assertThat(jdbc.sql("select user_id from product_clicks where product_id = ? order by clicked_at, id")
			.param(UUID.fromString(id))
			.query((row, n) -> String.valueOf(row.getObject("user_id", UUID.class)))
			.list()).containsExactly("null", user.userId());
		assertThat(api.get("/api/v1/products/" + id, user.accessToken()).json().get("popularity").asLong()).isEqualTo(2);
	}

	@Test
	void aShopWithoutParametersGetsThePlainUrl() {
		String id = catalog.productId(map("url", "https://BOOKS.example/b/1"));
		Response response = api.get("/r/" + id, null);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).isEqualTo("https://BOOKS.example/b/1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/p/1", "//evil.example/p/1", "https://shop.example@evil.example/p/1",
			"https://user:pw@shop.example/p/1", "http://shop.example/p/1", "ftp://shop.example/p/1",
			"javascript:alert(1)//shop.example", "https://shop.example.evil.example/p/1", "https://evilshop.example/p",
			"https://evil.example/?next=https://shop.example/", "https://shop.example:8443/p/1", "/p/1",
			"https://shop.example\\@evil.example/", "https:///shop.example/p" })
	void neverRedirectsAnywhereElse(String url) {
		// Stored directly: the guard must hold even for urls the product checks would refuse.
		UUID id = Ids.next();
		jdbc.sql("""
				insert into products (id, name, price_amount, price_currency, url, created_at, updated_at, version)
				values (?, 'Elsewhere', ?, 'EUR', ?, ?, ?, 0)""")
			.params(id, BigDecimal.ONE, url, OffsetDateTime.now(), OffsetDateTime.now())
			.update();
		Response response = api.get("/r/" + id, null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Location")).isNull();
		assertThat(jdbc.sql("select count(*) from product_clicks where product_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void inactiveUnknownAndUrlLessProductsAreNotFound() {
		String inactive = catalog.productId(map("url", "https://shop.example/p/1", "active", false));
		String noUrl = catalog.productId(map());
		assertThat(api.get("/r/" + inactive, null).status()).isEqualTo(404);
		assertThat(api.get("/r/" + noUrl, null).status()).isEqualTo(404);
		assertThat(api.get("/r/" + UUID.randomUUID(), null).status()).isEqualTo(404);
		assertThat(api.get("/r/not-a-uuid", null).status()).isEqualTo(404);
	}

	@Test
	void usersSeeOnlyTheirOwnClicks() {
		String id = catalog.productId(map("url", "https://shop.example/p/7"));
		ApiClient.Session ada = api.register();
		ApiClient.Session bob = api.register();
		api.get("/r/" + id, ada.accessToken());
		api.get("/r/" + id, ada.accessToken());
		api.get("/r/" + id, bob.accessToken());
		Response adas = api.get("/api/v1/clicks", ada.accessToken());
		assertThat(adas.status()).isEqualTo(200);
		assertThat(adas.json().get("items")).hasSize(2)
			.allSatisfy(click -> assertThat(click.get("product_id").asString()).isEqualTo(id));
		assertThat(api.get("/api/v1/clicks", bob.accessToken()).json().get("items")).hasSize(1);
	}
}
