package dev.parley.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.JsonDocument;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The one row mapper of {@code products} and {@code categories}, and the columns it reads. */
@Component
class ProductRows {

	static final String PRODUCT_COLUMNS = """
			p.id, p.external_id, p.name, p.description, p.price_amount, p.price_currency, p.category_id, p.tags,
			p.image_url, p.url, p.featured, p.active, p.attributes::text as attributes, p.popularity, p.created_at,
			p.updated_at, p.version""";

	static final String CATEGORY_COLUMNS = "c.id, c.parent_id, c.name, c.created_at, c.updated_at, c.version";

	private final JsonMapper json;

	ProductRows(JsonMapper json) {
		this.json = json;
	}

	RowMapper<Product> products() {
		return this::product;
	}

	Product product(ResultSet row, int rowNumber) throws SQLException {
		Array tags = row.getArray("tags");
		String attributes = row.getString("attributes");
		return new Product(row.getObject("id", UUID.class), row.getString("external_id"), row.getString("name"),
				row.getString("description"),
				new Money(row.getBigDecimal("price_amount"), row.getString("price_currency")),
				row.getObject("category_id", UUID.class), tags == null ? List.of() : List.of((String[]) tags.getArray()),
				row.getString("image_url"), row.getString("url"), row.getBoolean("featured"), row.getBoolean("active"),
				attributes == null ? JsonDocument.empty() : json.readValue(attributes, JsonDocument.class),
				row.getLong("popularity"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
	}

	static Category category(ResultSet row, int rowNumber) throws SQLException {
		return new Category(row.getObject("id", UUID.class), row.getObject("parent_id", UUID.class),
				row.getString("name"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
	}
}
