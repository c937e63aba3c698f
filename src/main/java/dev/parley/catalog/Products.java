package dev.parley.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalogue's read API for other modules: products by id and the active ones. Products are
 * global (no owner). Only an active product may be shown or recommended to a user; {@link #find}
 * also returns inactive ones so a caller can tell "gone from the shop" from "never existed".
 */
@Service
public class Products {

	private final JdbcClient jdbc;

	private final ProductRows rows;

	Products(JdbcClient jdbc, ProductRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** The product with this id, active or not. */
	public Optional<Product> find(UUID id) {
		return jdbc.sql("select " + ProductRows.PRODUCT_COLUMNS + " from products p where p.id = :id")
			.param("id", id)
			.query(rows.products())
			.optional();
	}

	/** The product with this id if it is active; otherwise {@link ProductNotFound}. */
	public Product getActive(UUID id) {
		return find(id).filter(Product::active).orElseThrow(ProductNotFound::new);
	}

	/** Whether a product with this id exists and is active. */
	public boolean isActive(UUID id) {
		return jdbc.sql("select exists (select 1 from products where id = :id and active)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	/** The ids of every active product, in id (creation) order. */
	public List<UUID> activeIds() {
		return jdbc.sql("select id from products where active order by id").query(UUID.class).list();
	}

	/** Every active product, in id (creation) order. */
	public List<Product> active() {
		return jdbc.sql("select " + ProductRows.PRODUCT_COLUMNS + " from products p where p.active order by p.id")
			.query(rows.products())
			.list();
	}

	/** The active products among these ids, in id order; unknown and inactive ids are left out. */
	public List<Product> findActive(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + ProductRows.PRODUCT_COLUMNS
				+ " from products p where p.active and p.id = any(:ids) order by p.id")
			.param("ids", ids.toArray(UUID[]::new))
			.query(rows.products())
			.list();
	}

	/** The active products of a category and its descendants, in id order. */
	public List<Product> activeInCategory(UUID categoryId) {
		return jdbc.sql("""
				with recursive tree(id) as (
				  select id from categories where id = :category
				  union all select c.id from categories c join tree t on c.parent_id = t.id)
				select %s from products p where p.active and p.category_id in (select id from tree) order by p.id
				""".formatted(ProductRows.PRODUCT_COLUMNS))
			.param("category", categoryId)
			.query(rows.products())
			.list();
	}

	/**
	 * Adds to a product's popularity (the key of {@code sort=popular}): a module that sees users
	 * interact with a product (a like, a recommendation clicked) reports it here with a weight ≥ 1.
	 * An unknown id changes nothing.
	 */
	public void recordInteraction(UUID productId, int weight) {
		if (weight < 1) {
			throw new IllegalArgumentException("weight must be at least 1");
		}
		jdbc.sql("update products set popularity = popularity + :weight where id = :id")
			.param("weight", weight)
			.param("id", productId)
			.update();
	}
}
