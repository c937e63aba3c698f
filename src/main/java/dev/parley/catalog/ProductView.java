package dev.parley.catalog;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.platform.InvalidFields;
import dev.parley.platform.JsonDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A product as clients receive it, whole or with only the fields {@code fields=} names (in the
 * response's own order). An unknown field name is refused naming {@code fields}.
 */
@Component
class ProductView {

	static final List<String> FIELDS = List.of("id", "name", "description", "price", "category_id", "tags", "image_url",
			"url", "featured", "active", "attributes", "external_id", "popularity", "created_at", "updated_at");

	private final JsonMapper json;

	ProductView(JsonMapper json) {
		this.json = json;
	}

	/** The fields a {@code fields} parameter names; {@code null} or blank means all of them. */
	static @Nullable Set<String> fields(@Nullable String requested) {
		if (requested == null || requested.isBlank()) {
			return null;
		}
		Set<String> fields = new LinkedHashSet<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (String field : requested.split(",")) {
			String name = field.strip();
			if (name.isEmpty()) {
				continue;
			}
			(FIELDS.contains(name) ? fields : unknown).add(name);
		}
		if (!unknown.isEmpty()) {
			throw new InvalidFields(Map.of("fields", "names unknown fields (" + String.join(", ", unknown)
					+ "); known: " + String.join(", ", FIELDS)));
		}
		return fields.isEmpty() ? null : fields;
	}

	JsonNode of(Product product, @Nullable Set<String> fields) {
		ObjectNode node = json.valueToTree(ProductResponse.from(product));
		if (fields != null) {
			node.retain(fields);
		}
		return node;
	}

	@Schema(name = "Product")
	record ProductResponse(UUID id, String name, String description, Price price, @Nullable UUID categoryId,
			List<String> tags, @Nullable String imageUrl, @Nullable String url, boolean featured, boolean active,
			@Schema(description = "free JSON object (capped in size)") JsonDocument attributes,
			@Nullable String externalId,
			@Schema(description = "recorded affiliate clicks plus interactions; the key of sort=popular") long popularity,
			Instant createdAt, Instant updatedAt) {

		static ProductResponse from(Product product) {
			return new ProductResponse(product.id(), product.name(), product.description(), Price.from(product.price()),
					product.categoryId(), product.tags(), product.imageUrl(), product.url(), product.featured(),
					product.active(), product.attributes(), product.externalId(), product.popularity(),
					product.createdAt(), product.updatedAt());
		}
	}

	@Schema(name = "Price")
	record Price(@Schema(description = "exact decimal as a string, in the currency's minor digits", example = "19.99") String amount,
			@Schema(description = "ISO 4217 code", example = "EUR") String currency) {

		static Price from(Money money) {
			return new Price(money.amountText(), money.currency());
		}
	}

	@Schema(name = "ProductPage")
	record ProductPage(List<ProductResponse> items, @Nullable String nextCursor) {
	}
}
