package dev.parley.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders of a product list, each a keyset on (key, id) so every page continues exactly where
 * the last one ended: {@code price} cheapest first, {@code -price} dearest first, {@code newest}
 * (the default), {@code popular} (most clicks and interactions first; the count may grow between
 * pages) and {@code relevance} (how well name, tags and description match {@code q}; the default
 * when {@code q} is given). Ties break on the id: ascending for {@code price}, descending otherwise.
 */
enum ProductSort {

	PRICE("price", "p.price_amount", true),
	PRICE_DESC("-price", "p.price_amount", false),
	NEWEST("newest", "p.created_at", false),
	POPULAR("popular", "p.popularity", false),
	RELEVANCE("relevance", "ts_rank(p.search, websearch_to_tsquery('english', :q))::real", false);

	private final String wireName;

	private final String key;

	private final boolean ascending;

	ProductSort(String wireName, String key, boolean ascending) {
		this.wireName = wireName;
		this.key = key;
		this.ascending = ascending;
	}

	static Optional<ProductSort> of(String wireName) {
		return Arrays.stream(values()).filter(sort -> sort.wireName.equals(wireName)).findFirst();
	}

	String wireName() {
		return wireName;
	}

	/** The SQL expression this sort orders by. */
	String key() {
		return key;
	}

	String orderBy() {
		String direction = ascending ? " asc" : " desc";
		return key + direction + ", p.id" + direction;
	}

	/** The condition of the rows after the cursor's (:afterKey, :afterId). */
	String after() {
		return "(" + key + ", p.id) " + (ascending ? ">" : "<") + " (:afterKey, :afterId)";
	}
}
