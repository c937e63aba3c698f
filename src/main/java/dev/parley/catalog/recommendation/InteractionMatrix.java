package dev.parley.catalog.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everyone's net signals as sparse rows: for each person, the positions of the items they gave a
 * signal to and its weight. Compact (two arrays a person) so that a million signals fit in a few
 * megabytes.
 */
public final class InteractionMatrix {

	private final int itemCount;

	private final int[][] items;

	private final float[][] weights;

	private InteractionMatrix(int itemCount, int[][] items, float[][] weights) {
		this.itemCount = itemCount;
		this.items = items;
		this.weights = weights;
	}

	public int itemCount() {
		return itemCount;
	}

	public int userCount() {
		return items.length;
	}

	int[] items(int user) {
		return items[user];
	}

	float[] weights(int user) {
		return weights[user];
	}

	/** Signals per item position, positive ones only: how many people showed they like each item. */
	double[] positiveCounts() {
		double[] counts = new double[itemCount];
		for (int user = 0; user < items.length; user++) {
			for (int k = 0; k < items[user].length; k++) {
				if (weights[user][k] > 0) {
					counts[items[user][k]] += 1;
				}
			}
		}
		return counts;
	}

	public static Builder builder(int itemCount) {
		return new Builder(itemCount);
	}

	/** Collects signals person by person; a person's later signal for the same item replaces the earlier. */
	public static final class Builder {

		private final int itemCount;

		private final Map<Object, Map<Integer, Float>> rows = new HashMap<>();

		private final List<Object> order = new ArrayList<>();

		private Builder(int itemCount) {
			this.itemCount = itemCount;
		}

		/** @param user any key naming the person; @param item the item's position in the model */
		public Builder add(Object user, int item, double weight) {
			if (item < 0 || item >= itemCount) {
				return this;
			}
			rows.computeIfAbsent(user, key -> {
				order.add(key);
				return new HashMap<>();
			}).put(item, (float) weight);
			return this;
		}

		public InteractionMatrix build() {
			int[][] items = new int[order.size()][];
			float[][] weights = new float[order.size()][];
			for (int user = 0; user < order.size(); user++) {
				Map<Integer, Float> row = rows.get(order.get(user));
				items[user] = new int[row.size()];
				weights[user] = new float[row.size()];
				int k = 0;
				for (Map.Entry<Integer, Float> entry : row.entrySet()) {
					items[user][k] = entry.getKey();
					weights[user][k] = entry.getValue();
					k++;
				}
			}
			return new InteractionMatrix(itemCount, items, weights);
		}
	}
}
