package dev.parley.catalog.affiliate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.parley.catalog.Products;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.Ids;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recorded clicks of affiliate links ({@code product_clicks}): one row per followed link, with
 * the user when the request was authenticated. A click also adds one to the product's popularity.
 * A user reads only their own clicks.
 */
@Repository
class ClickLedger {

	/** One recorded click. */
	record Click(UUID id, UUID productId, String shopHost, Instant clickedAt) {
	}

	private final JdbcClient jdbc;

	private final Products products;

	private final Clock clock;

	ClickLedger(JdbcClient jdbc, Products products, Clock clock) {
		this.jdbc = jdbc;
		this.products = products;
		this.clock = clock;
	}

	@Transactional
	void record(UUID productId, @Nullable UUID userId, String shopHost) {
		jdbc.sql("""
				insert into product_clicks (id, product_id, user_id, shop_host, clicked_at)
				values (:id, :productId, :userId, :host, :at)""")
			.param("id", Ids.next())
			.param("productId", productId)
			.param("userId", userId)
			.param("host", shopHost)
			.param("at", Timestamps.sql(clock.instant()))
			.update();
		products.recordInteraction(productId, 1);
	}

	/** A page of the user's clicks, newest first. */
	CursorPage<Click> ofUser(UUID userId, @Nullable Cursor after, int limit) {
		String sql = "select id, product_id, shop_host, clicked_at from product_clicks where user_id = :userId"
				+ (after == null ? "" : " and (clicked_at, id) < (:afterAt, :afterId)")
				+ " order by clicked_at desc, id desc limit :rows";
		JdbcClient.StatementSpec query = jdbc.sql(sql).param("userId", userId).param("rows", limit + 1);
		if (after != null) {
			query = query.param("afterAt", Timestamps.sql(after.at())).param("afterId", after.id());
		}
		List<Click> clicks = query.query((row, n) -> new Click(row.getObject("id", UUID.class),
				row.getObject("product_id", UUID.class), row.getString("shop_host"),
				row.getObject("clicked_at", OffsetDateTime.class).toInstant()))
			.list();
		return CursorPage.of(clicks, limit, click -> new Cursor(click.clickedAt(), click.id()).encode());
	}
}
