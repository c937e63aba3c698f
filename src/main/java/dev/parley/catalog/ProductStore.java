package dev.parley.catalog;

import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes of {@code products}: insert, change, delete, and the import's upsert by external id. */
@Repository
class ProductStore {

	/** What an upsert did to the row of its external id. */
	enum Upserted {
		CREATED, UPDATED, UNCHANGED
	}

	private static final String VALUES = """
			:id, :externalId, :name, :description, :amount, :currency, :categoryId, :tags, :imageUrl, :url, :featured,
			:active, cast(:attributes as jsonb), :createdAt, :updatedAt, :version""";

	private static final String COLUMNS = """
			id, external_id, name, description, price_amount, price_currency, category_id, tags, image_url, url,
			featured, active, attributes, created_at, updated_at, version""";

	private final JdbcClient jdbc;

	private final ProductRows rows;

	private final JsonMapper json;

	ProductStore(JdbcClient jdbc, ProductRows rows, JsonMapper json) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.json = json;
	}

	Optional<Product> findForUpdate(UUID id) {
		return jdbc.sql("select " + ProductRows.PRODUCT_COLUMNS + " from products p where p.id = :id for update")
			.param("id", id)
			.query(rows.products())
			.optional();
	}

	boolean externalIdTaken(String externalId, UUID exceptId) {
		return jdbc.sql("select exists (select 1 from products where external_id = :externalId and id <> :id)")
			.param("externalId", externalId)
			.param("id", exceptId)
			.query(Boolean.class)
			.single();
	}

	void insert(Product product) {
		bind(jdbc.sql("insert into products (" + COLUMNS + ") values (" + VALUES + ")"), product).update();
	}

	void update(Product product) {
		bind(jdbc.sql("""
				update products set external_id = :externalId, name = :name, description = :description,
				price_amount = :amount, price_currency = :currency, category_id = :categoryId, tags = :tags,
				image_url = :imageUrl, url = :url, featured = :featured, active = :active,
				attributes = cast(:attributes as jsonb), updated_at = :updatedAt, version = :version
				where id = :id"""), product).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from products where id = :id").param("id", id).update() == 1;
	}

	/**
	 * Creates the product of its external id, or changes that product to these fields if any differs;
	 * its id, creation time and popularity stay.
	 */
	Upserted upsert(Product product) {
		return bind(jdbc.sql("insert into products (" + COLUMNS + ") values (" + VALUES + """
				) on conflict (external_id) do update set name = excluded.name, description = excluded.description,
				price_amount = excluded.price_amount, price_currency = excluded.price_currency,
				category_id = excluded.category_id, tags = excluded.tags, image_url = excluded.image_url,
				url = excluded.url, featured = excluded.featured, active = excluded.active,
				attributes = excluded.attributes, updated_at = excluded.updated_at, version = products.version + 1
				where (products.name, products.description, products.price_amount, products.price_currency,
				products.category_id, products.tags, products.image_url, products.url, products.featured,
				products.active, products.attributes) is distinct from (excluded.name, excluded.description,
				excluded.price_amount, excluded.price_currency, excluded.category_id, excluded.tags,
				excluded.image_url, excluded.url, excluded.featured, excluded.active, excluded.attributes)
				returning (xmax = 0) as created"""), product)
			.query((row, n) -> row.getBoolean("created") ? Upserted.CREATED : Upserted.UPDATED)
			.optional()
			.orElse(Upserted.UNCHANGED);
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Product product) {
		return statement.param("id", product.id())
			.param("externalId", product.externalId())
			.param("name", product.name())
			.param("description", product.description())
			.param("amount", product.price().amount())
			.param("currency", product.price().currency())
			.param("categoryId", product.categoryId())
			.param("tags", product.tags().toArray(String[]::new))
			.param("imageUrl", product.imageUrl())
			.param("url", product.url())
			.param("featured", product.featured())
			.param("active", product.active())
			.param("attributes", json.writeValueAsString(product.attributes()))
			.param("createdAt", Timestamps.sql(product.createdAt()))
			.param("updatedAt", Timestamps.sql(product.updatedAt()))
			.param("version", product.version());
	}
}
