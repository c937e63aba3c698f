package dev.parley.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;

/**
 * The product fields a request or an import line gave, checked: {@code given} names the wire fields
 * present in it (a PATCH changes only those; a present {@code null} clears a field that may be absent).
 */
record ProductDraft(Set<String> given, @Nullable String name, @Nullable String description, @Nullable Money price,
		@Nullable UUID categoryId, @Nullable List<String> tags, @Nullable String imageUrl, @Nullable String url,
		@Nullable Boolean featured, @Nullable Boolean active, @Nullable JsonDocument attributes,
		@Nullable String externalId) {

	/** A new product of these fields; {@link ProductFields} made sure name and price are given. */
	Product create(UUID id, Instant now) {
		return new Product(id, externalId, name(), description == null ? "" : description, price(), categoryId,
				tags == null ? List.of() : tags, imageUrl, url, featured != null && featured,
				active == null || active, attributes == null ? JsonDocument.empty() : attributes, 0, now, now, 0);
	}

	/** The product with the given fields changed and the rest as they were. */
	Product applyTo(Product product, Instant now) {
		return new Product(product.id(), given("external_id") ? externalId : product.externalId(),
				given("name") ? name() : product.name(),
				given("description") ? (description == null ? "" : description) : product.description(),
				given("price") ? price() : product.price(), given("category_id") ? categoryId : product.categoryId(),
				given("tags") ? (tags == null ? List.of() : tags) : product.tags(),
				given("image_url") ? imageUrl : product.imageUrl(), given("url") ? url : product.url(),
				given("featured") ? featured() : product.featured(), given("active") ? active() : product.active(),
				given("attributes") ? (attributes == null ? JsonDocument.empty() : attributes) : product.attributes(),
				product.popularity(), product.createdAt(), now, product.version() + 1);
	}

	private boolean given(String field) {
		return given.contains(field);
	}

	@Override
	public String name() {
		return java.util.Objects.requireNonNull(name);
	}

	@Override
	public Money price() {
		return java.util.Objects.requireNonNull(price);
	}

	@Override
	public Boolean featured() {
		return java.util.Objects.requireNonNull(featured);
	}

	@Override
	public Boolean active() {
		return java.util.Objects.requireNonNull(active);
	}
}
