package dev.parley.catalog.recommendation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

import dev.parley.catalog.Product;
import dev.parley.catalog.Products;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Swipe sessions: starting one deals its first cards, swipes are recorded once per session and
 * product (the same swipe again changes nothing; another direction replaces the earlier one), and
 * the next cards adapt to the session's swipes ({@link CardDealer}). A product is never dealt twice
 * in a session, nor one the person gave a signal to before. Every operation is the caller's own:
 * another user's session is reported exactly like one that does not exist.
 */
@Service
class SwipeSessions {

	static final int MAX_NEXT = 20;

	private final SwipeStore store;

	private final SignalStore signals;

	private final RecommenderModels models;

	private final Products products;

	private final TransactionTemplate transactions;

	private final RecommendationProperties properties;

	private final Clock clock;

	private final Recommender recommender = new Recommender(Blend.DEFAULT);

	SwipeSessions(SwipeStore store, SignalStore signals, RecommenderModels models, Products products,
			TransactionTemplate transactions, RecommendationProperties properties, Clock clock) {
		this.store = store;
		this.signals = signals;
		this.models = models;
		this.products = products;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a session was started for. */
	record Context(@Nullable String occasion, @Nullable String recipient, @Nullable BigDecimal budgetAmount,
			@Nullable String budgetCurrency) {

		static final Context NONE = new Context(null, null, null, null);
	}

	/** A session and its queue: the cards dealt and not swiped yet, with their products. */
	record SessionView(SwipeSession session, List<Product> queue) {
	}

	/** The outcome of a swipe. @param created whether it is the session's first swipe of the product */
	record SwipeOutcome(Swipe swipe, boolean created) {
	}

	SessionView start(UUID userId, Context context) {
		UUID id = Ids.next();
		Instant now = now();
		return transactions.execute(status -> {
			store.create(new SwipeSession(id, userId, context.occasion(), context.recipient(), context.budgetAmount(),
					context.budgetCurrency(), now, 0));
			SwipeSession session = store.find(id, userId, true).orElseThrow();
			deal(session, properties.firstCards());
			return view(store.find(id, userId, false).orElseThrow(), properties.firstCards());
		});
	}

	SessionView get(UUID sessionId, UUID userId) {
		SwipeSession session = store.find(sessionId, userId, false).orElseThrow(SwipeSessionNotFound::new);
		return view(session, MAX_NEXT);
	}

	CursorPage<SwipeSession> list(UUID userId, @Nullable Cursor cursor, int limit) {
		return CursorPage.of(store.list(userId, cursor, limit), limit,
				session -> new Cursor(session.createdAt(), session.id()).encode());
	}

	/** The next {@code limit} cards: the queue, topped up with newly dealt ones that follow the swipes so far. */
	SessionView next(UUID sessionId, UUID userId, int limit) {
		return transactions.execute(status -> {
			SwipeSession session = store.find(sessionId, userId, true).orElseThrow(SwipeSessionNotFound::new);
			int pending = store.pending(sessionId).size();
			if (pending < limit) {
				deal(session, limit - pending);
			}
			return view(session, limit);
		});
	}

	/**
	 * Records a swipe. A product not dealt in the session may be swiped too (it is then dealt, so it
	 * does not come again).
	 * @throws SwipeSessionNotFound when the session is not the caller's
	 */
	SwipeOutcome swipe(UUID userId, UUID sessionId, UUID productId, Feedback direction, @Nullable Integer dwellMs) {
		return transactions.execute(status -> {
			store.find(sessionId, userId, true).orElseThrow(SwipeSessionNotFound::new);
			products.getActive(productId);
			Instant now = now();
			Swipe wanted = new Swipe(sessionId, productId, direction, dwellMs, now, now);
			if (store.insert(userId, wanted)) {
				store.deal(sessionId, List.of(new CardDealer.Dealt(productId, "swiped")), now);
				reportPopularity(productId, direction);
				return new SwipeOutcome(store.swipe(sessionId, productId).orElseThrow(), true);
			}
			Swipe earlier = store.swipe(sessionId, productId).orElseThrow();
			boolean same = earlier.direction() == direction && (dwellMs == null || dwellMs.equals(earlier.dwellMs()));
			if (same) {
				return new SwipeOutcome(earlier, false);
			}
			store.change(new Swipe(sessionId, productId, direction, dwellMs != null ? dwellMs : earlier.dwellMs(),
					earlier.createdAt(), now));
			if (!earlier.direction().equals(direction)) {
				reportPopularity(productId, direction);
			}
			return new SwipeOutcome(store.swipe(sessionId, productId).orElseThrow(), false);
		});
	}

	private void reportPopularity(UUID productId, Feedback direction) {
		if (direction == Feedback.LIKE) {
			products.recordInteraction(productId, 1);
		}
		else if (direction == Feedback.SUPERLIKE) {
			products.recordInteraction(productId, 2);
		}
	}

	private void deal(SwipeSession session, int count) {
		RecommenderModels.Snapshot snapshot = models.current();
		RecommenderModel model = snapshot.model();
		Map<UUID, Double> all = signals.netSignals(session.userId());
		Map<UUID, Double> inSession = store.sessionSignals(session.id());
		Map<UUID, Double> earlier = new HashMap<>(all);
		inSession.keySet().forEach(earlier::remove);
		Set<UUID> dealt = new HashSet<>();
		store.cards(session.id()).forEach(card -> dealt.add(card.productId()));
		Set<String> context = Words.of(session.occasion(), session.recipient());
		Recommender.Ranking ranking = recommender.rank(model, all, context);
		IntPredicate allowed = Recommender.allowed(model, all, new Recommender.Query(count, session.budgetAmount(),
				session.budgetCurrency(), context, dealt));
		Random random = new Random(session.id().getLeastSignificantBits() ^ (31L * dealt.size()));
		List<CardDealer.Dealt> cards = CardDealer.deal(model, ranking, earlier, inSession, allowed, count, random);
		store.deal(session.id(), cards, now());
	}

	private SessionView view(SwipeSession session, int limit) {
		List<UUID> queue = store.pending(session.id()).stream().map(SwipeStore.Card::productId).toList();
		Map<UUID, Product> active = new HashMap<>();
		products.findActive(queue).forEach(product -> active.put(product.id(), product));
		List<Product> shown = queue.stream().map(active::get).filter(java.util.Objects::nonNull).limit(limit).toList();
		return new SessionView(session, shown);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
