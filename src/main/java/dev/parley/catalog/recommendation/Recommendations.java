package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.catalog.Product;
import dev.parley.catalog.Products;
import dev.parley.platform.FeatureFlags;
import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recommendations for a person: Parley's ranking over the current model, each with a reason, the
 * products read again at once so that none that became inactive since the model's refresh is ever
 * offered. Every set served is stored (the feed's too), so each recommendation has an id that
 * interactions refer to; interactions are signals (a dismissal is a negative one) and count towards
 * the product's popularity.
 */
@Service
class Recommendations {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 50;

	/** Candidates a model re-ranks, per product asked for. */
	static final int RERANK_POOL = 3;

	private final RecommenderModels models;

	private final SignalStore signals;

	private final RecommendationStore store;

	private final Products products;

	private final ModelRerank rerank;

	private final FeatureFlags flags;

	private final RecommendationProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Recommender recommender = new Recommender(Blend.DEFAULT);

	Recommendations(RecommenderModels models, SignalStore signals, RecommendationStore store, Products products,
			ModelRerank rerank, FeatureFlags flags, RecommendationProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.models = models;
		this.signals = signals;
		this.store = store;
		this.products = products;
		this.rerank = rerank;
		this.flags = flags;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What a set is asked for. */
	record Ask(@Nullable String context, @Nullable String recipient, @Nullable BigDecimal budgetAmount,
			@Nullable String budgetCurrency, int limit) {
	}

	/** A served set: the stored rows and the products they name. */
	record Served(RecommendationStore.StoredSet set, Map<UUID, Product> products) {
	}

	/** The feed: Parley's ranking, no model, stored as a set of source {@code feed}. */
	Served feed(UUID userId, Ask ask) {
		return serve(userId, "feed", ask, false);
	}

	/** A new set; a model re-ranks and explains it when the setting is on for this user. */
	Served generate(UUID userId, Ask ask) {
		// Targeted at users (ids and percentages); a rule by role does not reach this per-user flag.
		return serve(userId, "generate", ask, flags.enabled(FeatureFlags.ML_RECOMMENDATIONS, userId, Set.of()));
	}

	RecommendationStore.Interaction interact(UUID userId, UUID recommendationId, Feedback action) {
		return transactions.execute(status -> {
			RecommendationStore.Item item = store.find(recommendationId, userId).orElseThrow(RecommendationNotFound::new);
			RecommendationStore.Interaction interaction = store.interact(Ids.next(), recommendationId, userId,
					item.productId(), action.name().toLowerCase(Locale.ROOT), now());
			int popularity = switch (action) {
				case CLICK -> 1;
				case SAVE -> 2;
				case PURCHASE -> 3;
				default -> 0;
			};
			if (popularity > 0) {
				products.recordInteraction(item.productId(), popularity);
			}
			return interaction;
		});
	}

	/** Parley's ranking for a person, with nothing stored: what the speed measurement times. */
	List<Recommendation> rank(UUID userId, Ask ask, int count) {
		RecommenderModel model = models.current().model();
		return recommender.recommend(model, signals.netSignals(userId), query(ask, count));
	}

	private Served serve(UUID userId, String source, Ask ask, boolean withModel) {
		RecommenderModels.Snapshot snapshot = models.current();
		RecommenderModel model = snapshot.model();
		Map<UUID, Double> net = signals.netSignals(userId);
		int pool = withModel ? ask.limit() * RERANK_POOL : ask.limit();
		List<Recommendation> ranked = recommender.recommend(model, net, query(ask, pool));
		Map<UUID, Product> active = new HashMap<>();
		products.findActive(ranked.stream().map(Recommendation::productId).toList())
			.forEach(product -> active.put(product.id(), product));
		List<Recommendation> available = ranked.stream().filter(item -> active.containsKey(item.productId())).toList();
		Map<UUID, Recommendation> byId = new HashMap<>();
		available.forEach(item -> byId.put(item.productId(), item));
		List<RecommendationStore.Item> items = new ArrayList<>();
		String answeredBy = null;
		if (withModel && !available.isEmpty()) {
			List<ModelRerank.Candidate> candidates = available.stream()
				.map(item -> candidate(item, active.get(item.productId()), snapshot))
				.toList();
			String context = String.join("; ", nonNull(ask.context(), ask.recipient() == null ? null : "for " + ask.recipient()));
			ModelRerank.Reranked reranked = rerank.rerank(userId, properties.rerankModel(), context, candidates,
					ask.limit());
			answeredBy = reranked.model();
			for (ModelRerank.Choice choice : reranked.items()) {
				Recommendation item = byId.get(choice.productId());
				items.add(new RecommendationStore.Item(Ids.next(), item.productId(), items.size(), item.score(),
						choice.byModel() ? "model" : kind(item), choice.reason()));
			}
		}
		else {
			for (Recommendation item : available.stream().limit(ask.limit()).toList()) {
				items.add(new RecommendationStore.Item(Ids.next(), item.productId(), items.size(), item.score(), kind(item),
						Reasons.text(item.reason(), model, snapshot.categoryNames())));
			}
		}
		RecommendationStore.StoredSet set = new RecommendationStore.StoredSet(Ids.next(), userId, source, ask.context(),
				ask.recipient(), ask.budgetAmount(), ask.budgetCurrency(), answeredBy, now(), items);
		store.save(set);
		return new Served(set, active);
	}

	private static ModelRerank.Candidate candidate(Recommendation item, Product product,
			RecommenderModels.Snapshot snapshot) {
		return new ModelRerank.Candidate(item.productId(), product.name(),
				product.categoryId() == null ? null : snapshot.categoryNames().get(product.categoryId()), product.tags(),
				product.price().amountText() + " " + product.price().currency(),
				Reasons.text(item.reason(), snapshot.model(), snapshot.categoryNames()));
	}

	private static Recommender.Query query(Ask ask, int count) {
		Set<String> words = Words.of(ask.context(), ask.recipient());
		return new Recommender.Query(count, ask.budgetAmount(), ask.budgetCurrency(), words, Set.of());
	}

	private static String kind(Recommendation item) {
		return item.reason().kind().name().toLowerCase(Locale.ROOT);
	}

	private static List<String> nonNull(@Nullable String... texts) {
		List<String> present = new ArrayList<>();
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				present.add(text);
			}
		}
		return present;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
