package dev.parley.catalog.recommendation;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One thing a person did with a product, at a time. {@link #fold} turns a person's signals into one
 * weight per product: the latest swipe counts (an earlier swipe of the same product is replaced),
 * interactions add to it, and a negative signal drops everything positive before it, so a dislike
 * always outranks earlier likes, saves and clicks of the same product.
 */
public record TasteSignal(UUID productId, Feedback feedback, Instant at) {

	/** The net weight per product of one person's signals, in any order. */
	public static Map<UUID, Double> fold(List<TasteSignal> signals) {
		Map<UUID, double[]> state = new LinkedHashMap<>();
		signals.stream().sorted(Comparator.comparing(TasteSignal::at)).forEach(signal -> {
			// [0] the latest swipe's weight, [1] what interactions added since the last negative signal
			double[] product = state.computeIfAbsent(signal.productId(), id -> new double[2]);
			double weight = signal.feedback().weight();
			if (signal.feedback().swipe()) {
				product[0] = weight;
				if (weight < 0) {
					product[1] = Math.min(product[1], 0);
				}
			}
			else if (weight < 0) {
				product[0] = Math.min(product[0], 0);
				product[1] = Math.min(product[1], 0) + weight;
			}
			else {
				product[1] += weight;
			}
		});
		Map<UUID, Double> weights = new LinkedHashMap<>();
		state.forEach((id, product) -> weights.put(id, product[0] + product[1]));
		return weights;
	}
}
