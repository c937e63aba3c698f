package dev.parley.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The read API other modules use: products by id, the active ones, popularity, the category lineage. */
@IntegrationTest
class ProductsIntegrationTests {

	@Autowired
	Products products;

	@Autowired
	Categories categories;

	@Autowired
	JdbcClient jdbc;

	@Test
	void readsProductsAndHidesInactiveOnesFromTheActiveReads() {
		UUID root = category(null, "Root " + UUID.randomUUID());
		UUID child = category(root, "Child");
		UUID active = product("Blue mug", "19.90", child, true);
		UUID inactive = product("Old mug", "5", child, false);

		Product mug = products.find(active).orElseThrow();
		assertThat(mug.name()).isEqualTo("Blue mug");
		assertThat(mug.price().amount()).isEqualByComparingTo("19.90");
		assertThat(mug.price().amountText()).isEqualTo("19.90");
		assertThat(mug.tags()).containsExactly("kitchen", "gift");
		assertThat(mug.attributes().fields()).containsEntry("colour", "blue");
		assertThat(products.find(inactive)).get().extracting(Product::active).isEqualTo(false);
		assertThat(products.activeIds()).contains(active).doesNotContain(inactive);
		assertThat(products.isActive(inactive)).isFalse();
		assertThat(products.findActive(java.util.List.of(active, inactive, UUID.randomUUID())))
			.extracting(Product::id).containsExactly(active);
		assertThat(products.activeInCategory(root)).extracting(Product::id).containsExactly(active);

		products.recordInteraction(active, 3);
		assertThat(products.find(active).orElseThrow().popularity()).isEqualTo(3);

		assertThat(categories.lineage(child)).extracting(Category::id).containsExactly(child, root);
	}

	private UUID category(UUID parent, String name) {
		UUID id = Ids.next();
		jdbc.sql("insert into categories (id, parent_id, name, created_at, updated_at, version) values (?, ?, ?, now(), now(), 0)")
			.params(id, parent, name)
			.update();
		return id;
	}

	private UUID product(String name, String price, UUID category, boolean active) {
		UUID id = Ids.next();
		jdbc.sql("""
				insert into products (id, name, price_amount, price_currency, category_id, tags, active, attributes,
				created_at, updated_at, version) values (?, ?, ?, 'EUR', ?, array['kitchen', 'gift'], ?,
				'{"colour": "blue"}'::jsonb, ?, ?, 0)""")
			.params(id, name, new BigDecimal(price), category, active, OffsetDateTime.now(), OffsetDateTime.now())
			.update();
		return id;
	}
}
