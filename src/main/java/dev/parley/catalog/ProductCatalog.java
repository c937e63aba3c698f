package dev.parley.catalog;

import java.time.Clock;
import java.util.UUID;

import dev.parley.platform.CursorPage;
import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue's products as the API serves them: admins create, change and delete; everyone
 * reads, and only admins see inactive products (to anyone else they do not exist).
 */
@Service
class ProductCatalog {

	private final Products products;

	private final ProductStore store;

	private final ProductQueries queries;

	private final ProductFields fields;

	private final Categories categories;

	private final Clock clock;

	ProductCatalog(Products products, ProductStore store, ProductQueries queries, ProductFields fields,
			Categories categories, Clock clock) {
		this.products = products;
		this.store = store;
		this.queries = queries;
		this.fields = fields;
		this.categories = categories;
		this.clock = clock;
	}

	Product get(UUID id, boolean admin) {
		return products.find(id).filter(product -> admin || product.active()).orElseThrow(ProductNotFound::new);
	}

	/** A page of products; a caller who is not an admin sees only active ones whatever the filter says. */
	CursorPage<Product> list(ProductFilter filter, ProductSort sort, @Nullable ProductCursor after, int limit) {
		var rows = queries.list(filter, sort, after, limit);
		return CursorPage.of(rows, limit, row -> ProductCursor.after(sort, row.product(), row.rank()).encode())
			.map(ProductQueries.Ranked::product);
	}

	@Transactional
	Product create(JsonNode body) {
		ProductDraft draft = fields.read(body, true, this::categoryExists);
		Product product = draft.create(Ids.next(), clock.instant());
		try {
			store.insert(product);
		}
		catch (DuplicateKeyException ex) {
			throw new ExternalIdTaken();
		}
		return products.find(product.id()).orElseThrow();
	}

	@Transactional
	Product update(UUID id, JsonNode body) {
		Product existing = store.findForUpdate(id).orElseThrow(ProductNotFound::new);
		ProductDraft draft = fields.read(body, false, this::categoryExists);
		Product changed = draft.applyTo(existing, clock.instant());
		if (changed.externalId() != null && store.externalIdTaken(changed.externalId(), id)) {
			throw new ExternalIdTaken();
		}
		try {
			store.update(changed);
		}
		catch (DuplicateKeyException ex) {
			// Another request took the external id between the check and the update.
			throw new ExternalIdTaken();
		}
		return products.find(id).orElseThrow();
	}

	@Transactional
	void delete(UUID id) {
		if (!store.delete(id)) {
			throw new ProductNotFound();
		}
	}

	private boolean categoryExists(UUID id) {
		return categories.find(id).isPresent();
	}
}
