package dev.parley.catalog;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** With affiliate tracking off, links still lead to the shop, but bare and unrecorded. */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + CatalogClient.ADMIN_EMAIL,
		"parley.platform.flags.defaults.[affiliate_tracking]=false", "parley.catalog.affiliate.shop-hosts=shop.example",
		"parley.catalog.affiliate.params[shop.example]=tag=parley-20" })
class AffiliateTrackingOffIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void redirectsWithoutParametersAndRecordsNothing() {
		CatalogClient catalog = CatalogClient.of(api);
		String id = catalog.productId(map("url", "https://shop.example/p/1?tag=someone"));
		Response response = api.get("/r/" + id, null);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).isEqualTo("https://shop.example/p/1?tag=someone");
		assertThat(jdbc.sql("select count(*) from product_clicks where product_id = ?").param(UUID.fromString(id))
			.query(Long.class).single()).isZero();
		assertThat(api.get("/r/" + UUID.randomUUID(), null).status()).isEqualTo(404);
	}
}
