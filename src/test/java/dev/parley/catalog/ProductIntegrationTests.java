package dev.parley.catalog;

import static dev.parley.catalog.CatalogClient.fieldsOf;
import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Products over HTTP: admins write them, everyone reads the active ones. */
@CatalogIntegrationTest
class ProductIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	Products products;

	CatalogClient catalog;

	@BeforeEach
	void admin() {
		catalog = CatalogClient.of(api);
	}

	@Test
	void adminCreatesReadsChangesAndDeletesAProduct() {
		String category = catalog.category("Kitchen " + UUID.randomUUID(), null);
		JsonNode created = catalog.product(map("name", "Blue mug", "description", "A mug for tea", "price",
				map("amount", "19.9", "currency", "EUR"), "category_id", category, "tags", List.of("Kitchen", "gift"),
				"image_url", "https://cdn.shop.example/mug.jpg", "url", "https://shop.example/p/mug", "attributes",
				map("colour", "blue", "size", map("ml", 350)), "external_id", "mug-" + UUID.randomUUID()));
		String id = created.get("id").asString();
		assertThat(created.get("price").get("amount").asString()).isEqualTo("19.90");
		assertThat(created.get("price").get("currency").asString()).isEqualTo("EUR");
		assertThat(created.get("tags")).extracting(JsonNode::asString).containsExactly("kitchen", "gift");
		assertThat(created.get("attributes").get("size").get("ml").asInt()).isEqualTo(350);
		assertThat(created.get("active").asBoolean()).isTrue();
		assertThat(created.get("featured").asBoolean()).isFalse();

		String user = catalog.user();
		Response read = api.get("/api/v1/products/" + id, user);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("name").asString()).isEqualTo("Blue mug");
		assertThat(read.json().get("category_id").asString()).isEqualTo(category);

		Response changed = api.patch("/api/v1/products/" + id, catalog.admin(),
				map("price", map("amount", 25, "currency", "USD"), "featured", true, "image_url", null));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("price").get("amount").asString()).isEqualTo("25.00");
		assertThat(changed.json().get("price").get("currency").asString()).isEqualTo("USD");
		assertThat(changed.json().get("featured").asBoolean()).isTrue();
		assertThat(changed.json().get("image_url").isNull()).isTrue();
		assertThat(changed.json().get("name").asString()).isEqualTo("Blue mug");

		assertThat(api.delete("/api/v1/products/" + id, catalog.admin()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/products/" + id, catalog.admin()).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/products/" + id, catalog.admin()).status()).isEqualTo(404);
	}

	@Test
	void amountsAreExactDecimalsInTheCurrencysDigits() {
		// A JSON number with more digits than a double holds, sent as text: it must arrive exactly.
		Response big = api.raw("POST", "/api/v1/products", catalog.admin(), "application/json",
				"{\"name\": \"Yacht\", \"price\": {\"amount\": 999999999999999.99, \"currency\": \"EUR\"}}");
		assertThat(big.status()).as(big.body()).isEqualTo(201);
		assertThat(big.json().get("price").get("amount").asString()).isEqualTo("999999999999999.99");
		Response tooBig = api.raw("POST", "/api/v1/products", catalog.admin(), "application/json",
				"{\"name\": \"Yacht\", \"price\": {\"amount\": \"1000000000000000\", \"currency\": \"EUR\"}}");
		assertThat(fieldsOf(tooBig.json())).containsExactly("price.amount");
		JsonNode yen = catalog.product(map("price", map("amount", "1500", "currency", "JPY")));
		assertThat(yen.get("price").get("amount").asString()).isEqualTo("1500");
		JsonNode dinar = catalog.product(map("price", map("amount", "1.234", "currency", "BHD")));
		assertThat(dinar.get("price").get("amount").asString()).isEqualTo("1.234");

		Response tooPrecise = api.post("/api/v1/products", catalog.admin(),
				map("name", "x", "price", map("amount", "12.5", "currency", "JPY")));
		assertThat(tooPrecise.status()).isEqualTo(400);
		assertThat(fieldsOf(tooPrecise.json())).containsExactly("price.amount");
	}

	@Test
	void refusesEveryBadFieldAtOnce() {
		Response response = api.post("/api/v1/products", catalog.admin(),
				map("name", " ", "price", map("amount", "-1", "currency", "EURO"), "category_id", UUID.randomUUID().toString(),
						"tags", List.of("ok", 5), "url", "ftp://shop.example/x", "image_url", "not a url", "featured", "yes",
						"attributes", map("blob", "x".repeat(20_000))));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(fieldsOf(response.json())).containsExactlyInAnyOrder("name", "price.amount", "price.currency",
				"category_id", "tags[1]", "url", "image_url", "featured", "attributes");

		Response missing = api.post("/api/v1/products", catalog.admin(), map("description", "no name, no price"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(fieldsOf(missing.json())).containsExactlyInAnyOrder("name", "price");

		Response unknown = api.post("/api/v1/products", catalog.admin(), map("name", "x", "price",
				map("amount", "1", "currency", "EUR"), "colour", "red", "popularity", 1000));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(fieldsOf(unknown.json())).containsExactlyInAnyOrder("colour", "popularity");

		Response notAnObject = api.post("/api/v1/products", catalog.admin(), map("name", "x", "price",
				map("amount", "1", "currency", "EUR"), "attributes", List.of(1, 2)));
		assertThat(fieldsOf(notAnObject.json())).containsExactly("attributes");
	}

	@Test
	void aRepeatedExternalIdIsAConflict() {
		String externalId = "dup-" + UUID.randomUUID();
		catalog.product(map("external_id", externalId));
		Response again = api.post("/api/v1/products", catalog.admin(),
				map("name", "x", "price", map("amount", "1", "currency", "EUR"), "external_id", externalId));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void plainUsersMayNotWriteTheCatalogue() {
		String id = catalog.productId(map());
		String user = catalog.user();
		assertThat(api.post("/api/v1/products", user, map("name", "x", "price", map("amount", "1", "currency", "EUR")))
			.status()).isEqualTo(403);
		assertThat(api.patch("/api/v1/products/" + id, user, map("name", "mine")).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/products/" + id, user).status()).isEqualTo(403);
		assertThat(api.raw("POST", "/api/v1/products:import", user, "application/x-ndjson", "{}\n").status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/products/" + id, user).json().get("name").asString()).isEqualTo("A product");
		assertThat(api.get("/api/v1/products/" + id, null).status()).isEqualTo(401);
	}

	@Test
	void inactiveProductsExistOnlyForAdmins() {
		String tag = "hidden-" + UUID.randomUUID();
		String hidden = catalog.productId(map("active", false, "tags", List.of(tag)));
		String shown = catalog.productId(map("tags", List.of(tag)));
		String user = catalog.user();
		assertThat(api.get("/api/v1/products/" + hidden, user).status()).isEqualTo(404);
		assertThat(catalog.allIds("/api/v1/products?tags=" + tag, user)).containsExactly(shown);
		assertThat(catalog.allIds("/api/v1/products?tags=" + tag, catalog.admin())).containsExactlyInAnyOrder(shown,
				hidden);
		assertThat(catalog.allIds("/api/v1/products?active=false&tags=" + tag, catalog.admin())).containsExactly(hidden);
		Response refused = api.get("/api/v1/products?active=false", user);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(fieldsOf(refused.json())).containsExactly("active");
	}

	@Test
	void searchesNamesTagsAndDescriptionsWithWebSearchSyntax() {
		String tag = "search-" + UUID.randomUUID().toString().substring(0, 8);
		String mug = catalog.productId(map("name", "Ceramic mugs", "description", "Holds coffee", "tags", List.of(tag)));
		String pot = catalog.productId(map("name", "Teapot", "description", "Brews tea in a ceramic pot", "tags", List.of(tag)));
		catalog.productId(map("name", "Wool socks", "tags", List.of(tag)));
		assertThat(catalog.allIds("/api/v1/products?q=ceramic&tags=" + tag, catalog.user())).containsExactly(mug, pot);
		assertThat(catalog.allIds("/api/v1/products?q=mug&tags=" + tag, catalog.user())).containsExactly(mug);
		assertThat(catalog.allIds("/api/v1/products?q=ceramic%20-coffee&tags=" + tag, catalog.user())).containsExactly(pot);
		assertThat(catalog.allIds("/api/v1/products?q=%22brews%20tea%22&tags=" + tag, catalog.user())).containsExactly(pot);
	}

	@Test
	void filtersByCategoryWithItsDescendantsPriceTagsAndFeatured() {
		String tag = "filter-" + UUID.randomUUID();
		String root = catalog.category("Home " + UUID.randomUUID(), null);
		String child = catalog.category("Kitchen", root);
		String grandchild = catalog.category("Cups", child);
		String other = catalog.category("Garden " + UUID.randomUUID(), null);
		String cheap = catalog.productId(map("price", map("amount", "5.00", "currency", "EUR"), "category_id", grandchild,
				"tags", List.of(tag, "small")));
		String middle = catalog.productId(map("price", map("amount", "20.00", "currency", "EUR"), "category_id", child,
				"tags", List.of(tag), "featured", true));
		String dear = catalog.productId(map("price", map("amount", "80.00", "currency", "EUR"), "category_id", other,
				"tags", List.of(tag, "small")));
		String user = catalog.user();
		assertThat(catalog.allIds("/api/v1/products?sort=price&category_id=" + root + "&tags=" + tag, user))
			.containsExactly(cheap, middle);
		assertThat(catalog.allIds("/api/v1/products?sort=price&min_price=5.01&max_price=80&tags=" + tag, user))
			.containsExactly(middle, dear);
		assertThat(catalog.allIds("/api/v1/products?sort=price&tags=" + tag + ",small", user)).containsExactly(cheap, dear);
		assertThat(catalog.allIds("/api/v1/products?featured=true&tags=" + tag, user)).containsExactly(middle);
		assertThat(catalog.allIds("/api/v1/products/featured?tags=" + tag, user)).containsExactly(middle);
	}

	@Test
	void everySortPagesThroughAllProductsOnceInOrder() {
		String tag = "sort-" + UUID.randomUUID();
		List<String> ids = new ArrayList<>();
		String[] prices = { "3.00", "1.00", "2.00", "2.00", "5.00" };
		for (String price : prices) {
			ids.add(catalog.productId(map("price", map("amount", price, "currency", "EUR"), "tags", List.of(tag))));
		}
		products.recordInteraction(UUID.fromString(ids.get(2)), 5);
		products.recordInteraction(UUID.fromString(ids.get(0)), 2);
		String user = catalog.user();
		String list = "/api/v1/products?limit=2&tags=" + tag + "&sort=";
		// Ties break on the id (creation order): ascending for price, descending otherwise.
		assertThat(catalog.allIds(list + "price", user)).containsExactly(ids.get(1), ids.get(2), ids.get(3), ids.get(0),
				ids.get(4));
		assertThat(catalog.allIds(list + "-price", user)).containsExactly(ids.get(4), ids.get(0), ids.get(3), ids.get(2),
				ids.get(1));
		assertThat(catalog.allIds(list + "newest", user)).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1),
				ids.get(0));
		assertThat(catalog.allIds(list + "popular", user)).containsExactly(ids.get(2), ids.get(0), ids.get(4), ids.get(3),
				ids.get(1));
		assertThat(catalog.allIds("/api/v1/products?limit=2&tags=" + tag, user)).isEqualTo(
				catalog.allIds(list + "newest", user));
	}

	@Test
	void returnsOnlyTheFieldsAsked() {
		String id = catalog.productId(map("name", "Lamp"));
		Response one = api.get("/api/v1/products/" + id + "?fields=id,name,price", catalog.user());
		assertThat(one.status()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		one.json().properties().forEach(property -> names.add(property.getKey()));
		assertThat(names).containsExactly("id", "name", "price");
		Response page = api.get("/api/v1/products?limit=1&fields=name", catalog.user());
		assertThat(page.json().get("items").get(0).properties()).hasSize(1);
		assertThat(page.json().has("next_cursor")).isTrue();

		Response unknown = api.get("/api/v1/products/" + id + "?fields=id,password_hash", catalog.user());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(fieldsOf(unknown.json())).containsExactly("fields");
		assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("password_hash");
	}

	@Test
	void refusesBadQueryParametersNamingEachOne() {
		Response response = api.get("/api/v1/products?sort=cheapest&min_price=abc&max_price=-1&featured=maybe&limit=0"
				+ "&category_id=nope", catalog.user());
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(fieldsOf(response.json())).contains("sort", "min_price", "max_price", "featured", "category_id");

		Response inverted = api.get("/api/v1/products?min_price=10&max_price=5", catalog.user());
		assertThat(fieldsOf(inverted.json())).containsExactly("max_price");

		String tag = "cursor-" + UUID.randomUUID();
		catalog.productId(map("tags", List.of(tag)));
		catalog.productId(map("tags", List.of(tag)));
		String cursor = api.get("/api/v1/products?limit=1&sort=price&tags=" + tag, catalog.user()).json()
			.get("next_cursor").asString();
		Response otherSort = api.get("/api/v1/products?limit=1&sort=newest&cursor=" + cursor, catalog.user());
		assertThat(otherSort.status()).isEqualTo(400);
		assertThat(fieldsOf(otherSort.json())).containsExactly("cursor");
		assertThat(fieldsOf(api.get("/api/v1/products?cursor=garbage", catalog.user()).json())).containsExactly("cursor");
	}

	@Test
	void unknownProductsAreNotFound() {
		assertThat(api.get("/api/v1/products/" + UUID.randomUUID(), catalog.user()).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/products/" + UUID.randomUUID(), catalog.admin(), Map.of("name", "x")).status())
			.isEqualTo(404);
	}
}
