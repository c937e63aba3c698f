package dev.parley.catalog.recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The offline evaluation: random, popularity and Parley's recommender on a {@link PlantedPreferences}
 * data set, each asked for ten products per person (never one the person swiped in training),
 * scored against the person's held-out likes with precision@10, recall@10, NDCG@10 (binary
 * relevance) and catalogue coverage (the share of the catalogue that appears in anyone's ten).
 * Parley runs exactly as in production: {@link RecommenderModel#compute} over the training signals
 * folded by {@link TasteSignal#fold}, then {@link Recommender#recommend} with {@link Blend#DEFAULT}.
 *
 * <p>Run it as a command (prints the table):
 * {@code ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.parley.catalog.recommendation.OfflineEvaluation}
 * (arguments: seed, items, people; defaults 42, 2000, 1000).
 */
final class OfflineEvaluation {

	static final int K = 10;

	static final int NEIGHBOURS = 50;

	/** One recommender's scores over every person with held-out likes. */
	record Scores(String name, double precision, double recall, double ndcg, double coverage, int people) {

		String row() {
			return String.format(Locale.ROOT, "| %-22s | %.3f | %.3f | %.3f | %.3f |", name, precision, recall, ndcg,
					coverage);
		}
	}

	record Report(PlantedPreferences.DataSet data, List<Scores> scores, long modelMillis) {

		Scores of(String name) {
			return scores.stream().filter(score -> score.name().equals(name)).findFirst().orElseThrow();
		}

		String table() {
			StringBuilder table = new StringBuilder();
			table.append("| recommender            | precision@10 | recall@10 | NDCG@10 | coverage |\n");
			table.append("|---|---|---|---|---|\n");
			scores.forEach(score -> table.append(score.row()).append('\n'));
			return table.toString();
		}
	}

	static Report run(long seed, int itemCount, int userCount) {
		return run(seed, itemCount, userCount, true);
	}

	/** @param ablations whether to add the rows of Parley's parts alone */
	static Report run(long seed, int itemCount, int userCount, boolean ablations) {
		PlantedPreferences.DataSet data = PlantedPreferences.generate(seed, itemCount, userCount, 20, 80, 1.0);
		Map<Integer, Map<UUID, Double>> signals = data.trainingSignals();
		Map<Integer, Set<UUID>> relevant = data.relevant();
		long started = System.nanoTime();
		RecommenderModel model = model(data, signals);
		long modelMillis = (System.nanoTime() - started) / 1_000_000;
		List<Scores> scores = new ArrayList<>();
		Random random = new Random(seed ^ 0x5EEDL);
		scores.add(evaluate("random", data, signals, relevant, (user, seen) -> randomTop(data.items(), seen, random)));
		List<UUID> byPopularity = popularityOrder(model);
		scores.add(evaluate("popularity", data, signals, relevant, (user, seen) -> byPopularity.stream()
			.filter(id -> !seen.contains(id))
			.limit(K)
			.toList()));
		scores.add(parley("parley", Blend.DEFAULT, data, model, signals, relevant));
		Blend blend = Blend.DEFAULT;
		if (!ablations) {
			return new Report(data, scores, modelMillis);
		}
		scores.add(parley("parley: item-item only", new Blend(blend.collaborative(), 0, 0, 0, blend.ramp()), data, model,
				signals, relevant));
		scores.add(parley("parley: content only", new Blend(0, blend.content(), 0, 0, blend.ramp()), data, model, signals,
				relevant));
		return new Report(data, scores, modelMillis);
	}

	/** Parley's recommender with the given blend, as production runs it. */
	static Scores parley(String name, Blend blend, PlantedPreferences.DataSet data, RecommenderModel model,
			Map<Integer, Map<UUID, Double>> signals, Map<Integer, Set<UUID>> relevant) {
		Recommender parley = new Recommender(blend);
		return evaluate(name, data, signals, relevant, (user, seen) -> parley
			.recommend(model, signals.getOrDefault(user, Map.of()), Recommender.Query.top(K))
			.stream()
			.map(Recommendation::productId)
			.toList());
	}

	/** The production model over the training signals. */
	static RecommenderModel model(PlantedPreferences.DataSet data, Map<Integer, Map<UUID, Double>> signals) {
		Map<UUID, Integer> positions = new java.util.HashMap<>();
		for (int i = 0; i < data.items().size(); i++) {
			positions.put(data.items().get(i).id(), i);
		}
		InteractionMatrix.Builder matrix = InteractionMatrix.builder(data.items().size());
		signals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(user -> user.getValue()
			.forEach((product, weight) -> matrix.add(user.getKey(), positions.get(product), weight)));
		return RecommenderModel.compute(data.items(), matrix.build(), NEIGHBOURS, Instant.EPOCH);
	}

	private static List<UUID> popularityOrder(RecommenderModel model) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < model.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -model.positiveCount(i)).thenComparing(i -> i));
		return order.stream().map(i -> model.item(i).id()).toList();
	}

	private static List<UUID> randomTop(List<CatalogItem> items, Set<UUID> seen, Random random) {
		Set<UUID> picked = new java.util.LinkedHashSet<>();
		while (picked.size() < K) {
			UUID id = items.get(random.nextInt(items.size())).id();
			if (!seen.contains(id)) {
				picked.add(id);
			}
		}
		return List.copyOf(picked);
	}

	private static Scores evaluate(String name, PlantedPreferences.DataSet data, Map<Integer, Map<UUID, Double>> signals,
			Map<Integer, Set<UUID>> relevant, BiFunction<Integer, Set<UUID>, List<UUID>> recommender) {
		double precision = 0;
		double recall = 0;
		double ndcg = 0;
		Set<UUID> covered = new HashSet<>();
		int people = 0;
		for (int user = 0; user < data.userCount(); user++) {
			Set<UUID> wanted = relevant.get(user);
			if (wanted == null || wanted.isEmpty()) {
				continue;
			}
			people++;
			Set<UUID> seen = signals.getOrDefault(user, Map.of()).keySet();
			List<UUID> top = recommender.apply(user, seen);
			covered.addAll(top);
			int hits = 0;
			double dcg = 0;
			for (int rank = 0; rank < Math.min(K, top.size()); rank++) {
				if (wanted.contains(top.get(rank))) {
					hits++;
					dcg += 1 / log2(rank + 2);
				}
			}
			double ideal = 0;
			for (int rank = 0; rank < Math.min(K, wanted.size()); rank++) {
				ideal += 1 / log2(rank + 2);
			}
			precision += (double) hits / K;
			recall += (double) hits / wanted.size();
			ndcg += dcg / ideal;
		}
		return new Scores(name, precision / people, recall / people, ndcg / people,
				(double) covered.size() / data.items().size(), people);
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

	public static void main(String[] args) {
		long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
		int items = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
		int users = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
		long started = System.nanoTime();
		Report report = run(seed, items, users);
		PlantedPreferences.DataSet data = report.data();
		System.out.printf(Locale.ROOT,
				"Offline evaluation: seed %d, %d items, %d people, %d training swipes, %d held out, %d people scored%n%n",
				seed, items, users, data.training().size(), data.heldOut().size(), report.scores().getFirst().people());
		System.out.print(report.table());
		System.out.printf(Locale.ROOT, "%nModel (similarities of every item) built in %d ms; whole run %d ms.%n",
				report.modelMillis(), (System.nanoTime() - started) / 1_000_000);
	}

	private OfflineEvaluation() {
	}
}
