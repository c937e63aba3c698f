package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of recommendation sets, their recommendations and what people did with them. */
@Component
class RecommendationStore {

	/** A stored set. @param source {@code feed} or {@code generate} */
	record StoredSet(UUID id, UUID userId, String source, @Nullable String context, @Nullable String recipient,
			@Nullable BigDecimal budgetAmount, @Nullable String budgetCurrency, @Nullable String model, Instant createdAt,
			List<Item> items) {
	}

	/** One recommendation of a set. */
	record Item(UUID id, UUID productId, int position, double score, String reasonKind, String reason) {
	}

	/** One interaction with a recommendation. */
	record Interaction(UUID id, UUID recommendationId, UUID productId, String action, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	RecommendationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(StoredSet set) {
		jdbc.sql("""
				insert into recommendation_sets (id, user_id, source, context, recipient, budget_amount, budget_currency, model, created_at)
				values (:id, :user, :source, :context, :recipient, :amount, :currency, :model, :at)""")
			.param("id", set.id())
			.param("user", set.userId())
			.param("source", set.source())
			.param("context", set.context())
			.param("recipient", set.recipient())
			.param("amount", set.budgetAmount())
			.param("currency", set.budgetCurrency())
			.param("model", set.model())
			.param("at", set.createdAt().atOffset(ZoneOffset.UTC))
			.update();
		if (set.items().isEmpty()) {
			return;
		}
		List<UUID> ids = new ArrayList<>();
		List<UUID> productIds = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		List<Double> scores = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		for (Item item : set.items()) {
			ids.add(item.id());
			productIds.add(item.productId());
			positions.add(item.position());
			scores.add(item.score());
			kinds.add(item.reasonKind());
			reasons.add(item.reason());
		}
		jdbc.sql("""
				insert into recommendations (id, set_id, user_id, product_id, position, score, reason_kind, reason)
				select r.id, :set, :user, r.product_id, r.position, r.score, r.reason_kind, r.reason
				from unnest(:ids::uuid[], :products::uuid[], :positions::integer[], :scores::double precision[],
				            :kinds::text[], :reasons::text[]) as r(id, product_id, position, score, reason_kind, reason)""")
			.param("set", set.id())
			.param("user", set.userId())
			.param("ids", ids.toArray(UUID[]::new))
			.param("products", productIds.toArray(UUID[]::new))
			.param("positions", positions.toArray(Integer[]::new))
			.param("scores", scores.toArray(Double[]::new))
			.param("kinds", kinds.toArray(String[]::new))
			.param("reasons", reasons.toArray(String[]::new))
			.update();
	}

	/** The caller's recommendation: its id and product. */
	Optional<Item> find(UUID id, UUID userId) {
		return jdbc.sql("select id, product_id, position, score, reason_kind, reason from recommendations where id = :id and user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query((row, number) -> new Item(row.getObject("id", UUID.class), row.getObject("product_id", UUID.class),
					row.getInt("position"), row.getDouble("score"), row.getString("reason_kind"), row.getString("reason")))
			.optional();
	}

	Interaction interact(UUID id, UUID recommendationId, UUID userId, UUID productId, String action, Instant at) {
		jdbc.sql("""
				insert into recommendation_interactions (id, recommendation_id, user_id, product_id, action, created_at)
				values (:id, :recommendation, :user, :product, :action, :at)""")
			.param("id", id)
			.param("recommendation", recommendationId)
			.param("user", userId)
			.param("product", productId)
			.param("action", action)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
		return jdbc.sql("select * from recommendation_interactions where id = :id")
			.param("id", id)
			.query((row, number) -> new Interaction(row.getObject("id", UUID.class),
					row.getObject("recommendation_id", UUID.class), row.getObject("product_id", UUID.class),
					row.getString("action"), row.getObject("created_at", OffsetDateTime.class).toInstant()))
			.single();
	}
}
