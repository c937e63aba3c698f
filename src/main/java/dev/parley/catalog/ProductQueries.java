package dev.parley.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The product list: filters, full-text search ({@code websearch_to_tsquery} over the generated
 * {@code search} vector, GIN-indexed) and a keyset page of {@code limit + 1} rows in one sort.
 */
@Repository
class ProductQueries {

	/** A product of a list and its search rank (null without {@code q}). */
	record Ranked(Product product, @Nullable Float rank) {
	}

	private static final String IN_CATEGORY = """
			 and p.category_id in (with recursive tree(id) as (
			   select id from categories where id = :categoryId
			   union all select c.id from categories c join tree t on c.parent_id = t.id)
			 select id from tree)""";

	private final JdbcClient jdbc;

	private final ProductRows rows;

	ProductQueries(JdbcClient jdbc, ProductRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	List<Ranked> list(ProductFilter filter, ProductSort sort, @Nullable ProductCursor after, int limit) {
		boolean searches = filter.searches();
		StringBuilder sql = new StringBuilder("select ").append(ProductRows.PRODUCT_COLUMNS)
			.append(searches ? ", " + ProductSort.RELEVANCE.key() + " as rank" : "")
			.append(" from products p where true");
		if (filter.active() != null) {
			sql.append(" and p.active = :active");
		}
		if (searches) {
			sql.append(" and p.search @@ websearch_to_tsquery('english', :q)");
		}
		if (filter.categoryId() != null) {
			sql.append(" ").append(IN_CATEGORY);
		}
		if (filter.minPrice() != null) {
			sql.append(" and p.price_amount >= :minPrice");
		}
		if (filter.maxPrice() != null) {
			sql.append(" and p.price_amount <= :maxPrice");
		}
		if (!filter.tags().isEmpty()) {
			sql.append(" and p.tags @> cast(:tags as text[])");
		}
		if (filter.featured() != null) {
			sql.append(" and p.featured = :featured");
		}
		if (after != null) {
			sql.append(" and ").append(sort.after());
		}
		sql.append(" order by ").append(sort.orderBy()).append(" limit :rows");
		JdbcClient.StatementSpec query = jdbc.sql(sql.toString()).param("rows", limit + 1);
		if (filter.active() != null) {
			query = query.param("active", filter.active());
		}
		if (searches || sort == ProductSort.RELEVANCE) {
			query = query.param("q", filter.query() == null ? "" : filter.query());
		}
		if (filter.categoryId() != null) {
			query = query.param("categoryId", filter.categoryId());
		}
		if (filter.minPrice() != null) {
			query = query.param("minPrice", filter.minPrice());
		}
		if (filter.maxPrice() != null) {
			query = query.param("maxPrice", filter.maxPrice());
		}
		if (!filter.tags().isEmpty()) {
			query = query.param("tags", filter.tags().toArray(String[]::new));
		}
		if (filter.featured() != null) {
			query = query.param("featured", filter.featured());
		}
		if (after != null) {
			query = query.param("afterKey", after.keyValue()).param("afterId", after.id());
		}
		return query.query((row, n) -> new Ranked(rows.product(row, n), searches ? row.getFloat("rank") : null)).list();
	}
}
