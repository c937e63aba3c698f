package dev.parley.catalog;

import static dev.parley.catalog.CatalogClient.fieldsOf;
import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The category tree: admins shape it, everyone reads it with product counts. */
@CatalogIntegrationTest
class CategoryIntegrationTests {

	@Autowired
	ApiClient api;

	CatalogClient catalog;

	@BeforeEach
	void admin() {
		catalog = CatalogClient.of(api);
	}

	@Test
	void theTreeNestsAnyDepthAndCountsProductsOfDescendants() {
		String rootName = "Tree " + UUID.randomUUID();
		String root = catalog.category(rootName, null);
		String a = catalog.category("A", root);
		String b = catalog.category("B", a);
		String c = catalog.category("C", b);
		String sibling = catalog.category("Sibling", root);
		catalog.productId(map("category_id", c));
		catalog.productId(map("category_id", c));
		catalog.productId(map("category_id", a));
		catalog.productId(map("category_id", sibling));
		catalog.productId(map("category_id", sibling, "active", false));

		Response tree = api.get("/api/v1/categories/tree", catalog.user());
		assertThat(tree.status()).isEqualTo(200);
		JsonNode node = find(tree.json().get("items"), root);
		assertThat(node.get("name").asString()).isEqualTo(rootName);
		assertThat(node.get("product_count").asLong()).isEqualTo(4);
		JsonNode nodeA = find(node.get("children"), a);
		assertThat(nodeA.get("product_count").asLong()).isEqualTo(3);
		JsonNode nodeB = find(nodeA.get("children"), b);
		assertThat(nodeB.get("product_count").asLong()).isEqualTo(2);
		JsonNode nodeC = find(nodeB.get("children"), c);
		assertThat(nodeC.get("product_count").asLong()).isEqualTo(2);
		assertThat(nodeC.get("children")).isEmpty();
		assertThat(find(node.get("children"), sibling).get("product_count").asLong()).isEqualTo(1);

		Response one = api.get("/api/v1/categories/" + a, catalog.user());
		assertThat(one.json().get("parent_id").asString()).isEqualTo(root);
		assertThat(one.json().get("product_count").asLong()).isEqualTo(3);
		assertThat(catalog.allIds("/api/v1/categories?limit=2&parent_id=" + root, catalog.user()))
			.containsExactly(a, sibling);
	}

	@Test
	void movesAndRenamesButRefusesCycles() {
		String root = catalog.category("Move " + UUID.randomUUID(), null);
		String child = catalog.category("Child", root);
		String grandchild = catalog.category("Grandchild", child);

		Response cycle = api.patch("/api/v1/categories/" + root, catalog.admin(), map("parent_id", grandchild));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(fieldsOf(cycle.json())).containsExactly("parent_id");
		Response self = api.patch("/api/v1/categories/" + child, catalog.admin(), map("parent_id", child));
		assertThat(fieldsOf(self.json())).containsExactly("parent_id");
		Response unknown = api.patch("/api/v1/categories/" + child, catalog.admin(),
				map("parent_id", UUID.randomUUID().toString()));
		assertThat(fieldsOf(unknown.json())).containsExactly("parent_id");

		Response moved = api.patch("/api/v1/categories/" + grandchild, catalog.admin(),
				map("parent_id", root, "name", "Promoted"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("parent_id").asString()).isEqualTo(root);
		assertThat(moved.json().get("name").asString()).isEqualTo("Promoted");

		Map<String, Object> toRoot = new HashMap<>();
		toRoot.put("parent_id", null);
		Response promoted = api.patch("/api/v1/categories/" + child, catalog.admin(), toRoot);
		assertThat(promoted.json().get("parent_id").isNull()).isTrue();
		api.patch("/api/v1/categories/" + child, catalog.admin(), map("name", "Move " + UUID.randomUUID()));

		Response duplicate = api.post("/api/v1/categories", catalog.admin(), map("name", "promoted", "parent_id", root));
		assertThat(duplicate.status()).isEqualTo(409);
		Response blank = api.post("/api/v1/categories", catalog.admin(), map("name", " "));
		assertThat(fieldsOf(blank.json())).containsExactly("name");
	}

	@Test
	void aCategoryWithProductsIsDeletedOnlyWhenTheyMove() {
		String from = catalog.category("From " + UUID.randomUUID(), null);
		String sub = catalog.category("Sub", from);
		String to = catalog.category("To " + UUID.randomUUID(), null);
		String product = catalog.productId(map("category_id", from));
		String hidden = catalog.productId(map("category_id", from, "active", false));

		assertThat(api.delete("/api/v1/categories/" + from, catalog.admin()).status()).isEqualTo(409);
		Response intoItself = api.delete("/api/v1/categories/" + from + "?move_to=" + sub, catalog.admin());
		assertThat(intoItself.status()).isEqualTo(400);
		assertThat(fieldsOf(intoItself.json())).containsExactly("move_to");
		Response nowhere = api.delete("/api/v1/categories/" + from + "?move_to=" + UUID.randomUUID(), catalog.admin());
		assertThat(fieldsOf(nowhere.json())).containsExactly("move_to");

		assertThat(api.delete("/api/v1/categories/" + from + "?move_to=" + to, catalog.admin()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/categories/" + from, catalog.admin()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/products/" + product, catalog.admin()).json().get("category_id").asString())
			.isEqualTo(to);
		assertThat(api.get("/api/v1/products/" + hidden, catalog.admin()).json().get("category_id").asString())
			.isEqualTo(to);
		assertThat(api.get("/api/v1/categories/" + sub, catalog.admin()).json().get("parent_id").asString()).isEqualTo(to);

		String empty = catalog.category("Empty " + UUID.randomUUID(), null);
		assertThat(api.delete("/api/v1/categories/" + empty, catalog.admin()).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/categories/" + empty, catalog.admin()).status()).isEqualTo(404);
	}

	@Test
	void plainUsersMayNotShapeTheTree() {
		String category = catalog.category("Guarded " + UUID.randomUUID(), null);
		String user = catalog.user();
		assertThat(api.post("/api/v1/categories", user, map("name", "Mine")).status()).isEqualTo(403);
		assertThat(api.patch("/api/v1/categories/" + category, user, map("name", "Mine")).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/categories/" + category, user).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/categories/" + category, user).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/categories/" + UUID.randomUUID(), user).status()).isEqualTo(404);
	}

	private static JsonNode find(JsonNode nodes, String id) {
		for (JsonNode node : nodes) {
			if (node.get("id").asString().equals(id)) {
				return node;
			}
		}
		throw new AssertionError("no category " + id + " in " + nodes);
	}

}
