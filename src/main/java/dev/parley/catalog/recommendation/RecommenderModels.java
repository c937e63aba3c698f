package dev.parley.catalog.recommendation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.catalog.Categories;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.Products;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the current {@link RecommenderModel} and rebuilds it every {@code refresh-interval}: the
 * active products are read again; one node at a time (a PostgreSQL advisory lock) recomputes the
 * item-item similarities from everyone's signals and rewrites {@code item_similarity}, the others
 * load that table. Requests never wait for a refresh except the very first one of a node.
 */
@Component
public class RecommenderModels {

	private static final Logger log = LoggerFactory.getLogger(RecommenderModels.class);

	private static final int INSERT_CHUNK = 10_000;

	/** A model and the names its reasons need. */
	record Snapshot(RecommenderModel model, Map<UUID, String> categoryNames) {
	}

	private final AtomicReference<@Nullable Snapshot> current = new AtomicReference<>();

	private final Products products;

	private final Categories categories;

	private final SignalStore signals;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RecommendationProperties properties;

	private final Clock clock;

	RecommenderModels(Products products, Categories categories, SignalStore signals, JdbcClient jdbc,
			TransactionTemplate transactions, RecommendationProperties properties, Clock clock) {
		this.products = products;
		this.categories = categories;
		this.signals = signals;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** The current model; built now if this node has none yet. */
	Snapshot current() {
		Snapshot snapshot = current.get();
		return snapshot != null ? snapshot : refresh();
	}

	@Scheduled(initialDelay = 15_000, fixedDelay = 15_000)
	void refreshWhenDue() {
		Snapshot snapshot = current.get();
		if (snapshot != null && Duration.between(snapshot.model().builtAt(), clock.instant())
			.compareTo(properties.refreshInterval()) < 0) {
			return;
		}
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			log.warn("The recommender model could not be refreshed; the previous one stays", ex);
		}
	}

	/** Rebuilds the model now (the scheduled refresh, and tests that need it at once). */
	public synchronized Snapshot refresh() {
		long started = System.nanoTime();
		Instant now = clock.instant();
		List<Product> active = products.active();
		List<CatalogItem> items = active.stream().map(CatalogItems::of).toList();
		Map<UUID, Integer> positions = new HashMap<>();
		// The catalogue's popularity (likes, clicks, saves, purchases reported to it): one count for
		// sort=popular and for the recommender's fallback.
		double[] popularity = new double[items.size()];
		for (int i = 0; i < items.size(); i++) {
			positions.put(items.get(i).id(), i);
			popularity[i] = active.get(i).popularity();
		}
		ItemSimilarities similarities = transactions.execute(status -> {
			boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('parley.item_similarity'))")
				.query(Boolean.class)
				.single();
			return mine ? recompute(positions, started, now) : load(positions);
		});
		Map<UUID, String> names = new HashMap<>();
		for (Category category : categories.all()) {
			names.put(category.id(), category.name());
		}
		Snapshot snapshot = new Snapshot(RecommenderModel.of(items, popularity, similarities, now), Map.copyOf(names));
		current.set(snapshot);
		return snapshot;
	}

	private ItemSimilarities recompute(Map<UUID, Integer> positions, long started, Instant now) {
		long[] count = { 0 };
		InteractionMatrix matrix = signals.matrix(positions, count);
		ItemSimilarities similarities = ItemSimilarities.compute(matrix, properties.neighbours());
		UUID[] ids = new UUID[positions.size()];
		positions.forEach((id, position) -> ids[position] = id);
		jdbc.sql("delete from item_similarity").update();
		List<UUID> from = new ArrayList<>();
		List<UUID> to = new ArrayList<>();
		List<Float> scores = new ArrayList<>();
		similarities.forEachPair((item, neighbour, score) -> {
			from.add(ids[item]);
			to.add(ids[neighbour]);
			scores.add(score);
			if (from.size() == INSERT_CHUNK) {
				insert(from, to, scores);
			}
		});
		insert(from, to, scores);
		long millis = (System.nanoTime() - started) / 1_000_000;
		jdbc.sql("""
				insert into item_similarity_refresh (id, refreshed_at, signals, pairs, millis) values (1, :at, :signals, :pairs, :millis)
				on conflict (id) do update set refreshed_at = excluded.refreshed_at, signals = excluded.signals,
				  pairs = excluded.pairs, millis = excluded.millis""")
			.param("at", now.atOffset(java.time.ZoneOffset.UTC))
			.param("signals", count[0])
			.param("pairs", similarities.pairCount())
			.param("millis", millis)
			.update();
		log.info("Item similarities recomputed: {} signals, {} items, {} pairs in {} ms", count[0], positions.size(),
				similarities.pairCount(), millis);
		return similarities;
	}

	private void insert(List<UUID> from, List<UUID> to, List<Float> scores) {
		if (from.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into item_similarity (product_id, neighbour_id, score)
				select * from unnest(:from::uuid[], :to::uuid[], :scores::real[])""")
			.param("from", from.toArray(UUID[]::new))
			.param("to", to.toArray(UUID[]::new))
			.param("scores", scores.toArray(Float[]::new))
			.update();
		from.clear();
		to.clear();
		scores.clear();
	}

	private ItemSimilarities load(Map<UUID, Integer> positions) {
		List<List<Integer>> neighbours = new ArrayList<>();
		List<List<Float>> scores = new ArrayList<>();
		for (int i = 0; i < positions.size(); i++) {
			neighbours.add(new ArrayList<>());
			scores.add(new ArrayList<>());
		}
		jdbc.sql("select product_id, neighbour_id, score from item_similarity order by product_id, score desc")
			.query(row -> {
				Integer item = positions.get(row.getObject("product_id", UUID.class));
				Integer neighbour = positions.get(row.getObject("neighbour_id", UUID.class));
				if (item != null && neighbour != null) {
					neighbours.get(item).add(neighbour);
					scores.get(item).add(row.getFloat("score"));
				}
			});
		List<int[]> neighbourArrays = new ArrayList<>();
		List<float[]> scoreArrays = new ArrayList<>();
		for (int i = 0; i < positions.size(); i++) {
			neighbourArrays.add(neighbours.get(i).stream().mapToInt(Integer::intValue).toArray());
			float[] row = new float[scores.get(i).size()];
			for (int k = 0; k < row.length; k++) {
				row[k] = scores.get(i).get(k);
			}
			scoreArrays.add(row);
		}
		return ItemSimilarities.of(neighbourArrays, scoreArrays);
	}
}
