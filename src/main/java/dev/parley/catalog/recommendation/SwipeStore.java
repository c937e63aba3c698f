package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Cursor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of swipe sessions, their dealt cards and their swipes. */
@Component
class SwipeStore {

	private static final String SESSION_COLUMNS = """
			s.id, s.user_id, s.occasion, s.recipient, s.budget_amount, s.budget_currency, s.created_at,
			(select count(*) from swipes w where w.session_id = s.id) as swipe_count""";

	/** A card a session dealt: which product, by which arm. */
	record Card(UUID productId, int position, String arm) {
	}

	private final JdbcClient jdbc;

	SwipeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(SwipeSession session) {
		jdbc.sql("""
				insert into swipe_sessions (id, user_id, occasion, recipient, budget_amount, budget_currency, created_at)
				values (:id, :user, :occasion, :recipient, :amount, :currency, :at)""")
			.param("id", session.id())
			.param("user", session.userId())
			.param("occasion", session.occasion())
			.param("recipient", session.recipient())
			.param("amount", session.budgetAmount())
			.param("currency", session.budgetCurrency())
			.param("at", utc(session.createdAt()))
			.update();
	}

	/** The caller's session, locked for the rest of the transaction when {@code lock}. */
	Optional<SwipeSession> find(UUID id, UUID userId, boolean lock) {
		if (lock) {
			jdbc.sql("select id from swipe_sessions where id = :id and user_id = :user for update")
				.param("id", id)
				.param("user", userId)
				.query(UUID.class)
				.optional();
		}
		return jdbc.sql("select " + SESSION_COLUMNS + " from swipe_sessions s where s.id = :id and s.user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query(SwipeStore::session)
			.optional();
	}

	/** The user's sessions, newest first, one more than {@code limit} (to tell a next page exists). */
	List<SwipeSession> list(UUID userId, @Nullable Cursor after, int limit) {
		return jdbc.sql("select " + SESSION_COLUMNS + """
				 from swipe_sessions s where s.user_id = :user
				and (cast(:at as timestamptz) is null or (s.created_at, s.id) < (:at, :id))
				order by s.created_at desc, s.id desc limit :limit""")
			.param("user", userId)
			.param("at", after == null ? null : utc(after.at()))
			.param("id", after == null ? null : after.id())
			.param("limit", limit + 1)
			.query(SwipeStore::session)
			.list();
	}

	List<Card> cards(UUID sessionId) {
		return jdbc.sql("select product_id, position, arm from swipe_cards where session_id = :session order by position")
			.param("session", sessionId)
			.query((row, number) -> new Card(row.getObject("product_id", UUID.class), row.getInt("position"),
					row.getString("arm")))
			.list();
	}

	/** The dealt cards not swiped yet, in the order they were dealt. */
	List<Card> pending(UUID sessionId) {
		return jdbc.sql("""
				select c.product_id, c.position, c.arm from swipe_cards c
				where c.session_id = :session
				  and not exists (select 1 from swipes w where w.session_id = c.session_id and w.product_id = c.product_id)
				order by c.position""")
			.param("session", sessionId)
			.query((row, number) -> new Card(row.getObject("product_id", UUID.class), row.getInt("position"),
					row.getString("arm")))
			.list();
	}

	/** Deals cards after the last; a product dealt already stays where it was. */
	void deal(UUID sessionId, List<CardDealer.Dealt> cards, Instant at) {
		int next = jdbc.sql("select coalesce(max(position), -1) + 1 from swipe_cards where session_id = :session")
			.param("session", sessionId)
			.query(Integer.class)
			.single();
		for (CardDealer.Dealt card : cards) {
			next += jdbc.sql("""
					insert into swipe_cards (session_id, product_id, position, arm, dealt_at) values (:session, :product, :position, :arm, :at)
					on conflict do nothing""")
				.param("session", sessionId)
				.param("product", card.productId())
				.param("position", next)
				.param("arm", card.arm())
				.param("at", utc(at))
				.update();
		}
	}

	Optional<Swipe> swipe(UUID sessionId, UUID productId) {
		return jdbc.sql("select * from swipes where session_id = :session and product_id = :product")
			.param("session", sessionId)
			.param("product", productId)
			.query(SwipeStore::swipe)
			.optional();
	}

	/** Stores a first swipe; {@code false} when the session already has one for the product. */
	boolean insert(UUID userId, Swipe swipe) {
		return jdbc.sql("""
				insert into swipes (session_id, product_id, user_id, direction, dwell_ms, created_at, updated_at)
				values (:session, :product, :user, :direction, :dwell, :at, :at) on conflict do nothing""")
			.param("session", swipe.sessionId())
			.param("product", swipe.productId())
			.param("user", userId)
			.param("direction", swipe.direction().name().toLowerCase(Locale.ROOT))
			.param("dwell", swipe.dwellMs())
			.param("at", utc(swipe.createdAt()))
			.update() == 1;
	}

	void change(Swipe swipe) {
		jdbc.sql("""
				update swipes set direction = :direction, dwell_ms = :dwell, updated_at = :at
				where session_id = :session and product_id = :product""")
			.param("session", swipe.sessionId())
			.param("product", swipe.productId())
			.param("direction", swipe.direction().name().toLowerCase(Locale.ROOT))
			.param("dwell", swipe.dwellMs())
			.param("at", utc(swipe.updatedAt()))
			.update();
	}

	/** The session's swipes as signals (product to weight of its direction). */
	Map<UUID, Double> sessionSignals(UUID sessionId) {
		Map<UUID, Double> signals = new LinkedHashMap<>();
		jdbc.sql("select product_id, direction from swipes where session_id = :session order by updated_at")
			.param("session", sessionId)
			.query(row -> {
				signals.put(row.getObject("product_id", UUID.class),
						SignalStore.feedback(row.getString("direction")).weight());
			});
		return signals;
	}

	/** How many swipes of each direction the user gave, over every session. */
	Map<String, Long> directionCounts(UUID userId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String direction : List.of("like", "superlike", "dislike", "skip")) {
			counts.put(direction, 0L);
		}
		jdbc.sql("select direction, count(*) as n from swipes where user_id = :user group by direction")
			.param("user", userId)
			.query(row -> {
				counts.put(row.getString("direction"), row.getLong("n"));
			});
		return counts;
	}

	private static SwipeSession session(ResultSet row, int number) throws SQLException {
		BigDecimal amount = row.getBigDecimal("budget_amount");
		return new SwipeSession(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("occasion"), row.getString("recipient"), amount == null ? null : amount.stripTrailingZeros(),
				row.getString("budget_currency"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getInt("swipe_count"));
	}

	private static Swipe swipe(ResultSet row, int number) throws SQLException {
		int dwell = row.getInt("dwell_ms");
		return new Swipe(row.getObject("session_id", UUID.class), row.getObject("product_id", UUID.class),
				SignalStore.feedback(row.getString("direction")), row.wasNull() ? null : dwell,
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
