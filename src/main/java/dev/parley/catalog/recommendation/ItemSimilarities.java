package dev.parley.catalog.recommendation;

import java.util.ArrayList;
import java.util.List;

/**
 * Item-item similarity: the cosine between two items' columns of everyone's signed signal weights,
 * shrunk towards zero when few people gave a signal to both ({@code n / (n + shrinkage)}), keeping
 * the {@code neighbours} most similar items of each item with a positive similarity. Cost: the sum
 * over people of the square of how many items each gave a signal to; memory: one scratch row the
 * size of the catalogue.
 */
public final class ItemSimilarities {

	/** Co-raters below which a similarity is shrunk by half. */
	static final double SHRINKAGE = 3.0;

	private final int[][] neighbours;

	private final float[][] scores;

	ItemSimilarities(int[][] neighbours, float[][] scores) {
		this.neighbours = neighbours;
		this.scores = scores;
	}

	int[] neighbours(int item) {
		return neighbours[item];
	}

	float[] scores(int item) {
		return scores[item];
	}

	int itemCount() {
		return neighbours.length;
	}

	/** How many (item, neighbour) pairs are kept. */
	public long pairCount() {
		long pairs = 0;
		for (int[] row : neighbours) {
			pairs += row.length;
		}
		return pairs;
	}

	/** Visits every kept pair, for storing them. */
	public void forEachPair(PairVisitor visitor) {
		for (int item = 0; item < neighbours.length; item++) {
			for (int k = 0; k < neighbours[item].length; k++) {
				visitor.visit(item, neighbours[item][k], scores[item][k]);
			}
		}
	}

	/** Receives one kept pair. */
	@FunctionalInterface
	public interface PairVisitor {

		void visit(int item, int neighbour, float score);
	}

	/** Neighbour lists given directly (as loaded from storage), positions into the model's items. */
	public static ItemSimilarities of(List<int[]> neighbours, List<float[]> scores) {
		return new ItemSimilarities(neighbours.toArray(int[][]::new), scores.toArray(float[][]::new));
	}

	/** Computes the similarities of every item from everyone's signals. */
	public static ItemSimilarities compute(InteractionMatrix matrix, int neighbourCount) {
		int itemCount = matrix.itemCount();
		// Inverted index: for each item, the people who gave it a signal and the weight.
		int[] degree = new int[itemCount];
		double[] norms = new double[itemCount];
		for (int user = 0; user < matrix.userCount(); user++) {
			int[] items = matrix.items(user);
			float[] weights = matrix.weights(user);
			for (int k = 0; k < items.length; k++) {
				degree[items[k]]++;
				norms[items[k]] += weights[k] * weights[k];
			}
		}
		int[][] raters = new int[itemCount][];
		float[][] raterWeights = new float[itemCount][];
		for (int item = 0; item < itemCount; item++) {
			raters[item] = new int[degree[item]];
			raterWeights[item] = new float[degree[item]];
			norms[item] = Math.sqrt(norms[item]);
		}
		int[] fill = new int[itemCount];
		for (int user = 0; user < matrix.userCount(); user++) {
			int[] items = matrix.items(user);
			float[] weights = matrix.weights(user);
			for (int k = 0; k < items.length; k++) {
				int item = items[k];
				raters[item][fill[item]] = user;
				raterWeights[item][fill[item]++] = weights[k];
			}
		}
		double[] dot = new double[itemCount];
		int[] common = new int[itemCount];
		int[] touched = new int[itemCount];
		int[][] neighbours = new int[itemCount][];
		float[][] scores = new float[itemCount][];
		for (int item = 0; item < itemCount; item++) {
			int touchedCount = 0;
			for (int r = 0; r < raters[item].length; r++) {
				int user = raters[item][r];
				float weight = raterWeights[item][r];
				int[] items = matrix.items(user);
				float[] weights = matrix.weights(user);
				for (int k = 0; k < items.length; k++) {
					int other = items[k];
					if (other == item) {
						continue;
					}
					if (common[other] == 0) {
						touched[touchedCount++] = other;
					}
					common[other]++;
					dot[other] += weight * weights[k];
				}
			}
			TopK top = new TopK(neighbourCount);
			for (int t = 0; t < touchedCount; t++) {
				int other = touched[t];
				double denominator = norms[item] * norms[other];
				if (denominator > 0 && dot[other] > 0) {
					double cosine = dot[other] / denominator;
					top.offer(other, cosine * common[other] / (common[other] + SHRINKAGE));
				}
				dot[other] = 0;
				common[other] = 0;
			}
			neighbours[item] = top.items();
			scores[item] = top.scores();
		}
		return new ItemSimilarities(neighbours, scores);
	}

	/** The k best (item, score) pairs offered, best first. */
	static final class TopK {

		private final int k;

		private final int[] heapItems;

		private final double[] heapScores;

		private int size;

		TopK(int k) {
			this.k = k;
			this.heapItems = new int[Math.max(k, 1)];
			this.heapScores = new double[Math.max(k, 1)];
		}

		void offer(int item, double score) {
			if (k == 0) {
				return;
			}
			if (size < k) {
				heapItems[size] = item;
				heapScores[size] = score;
				up(size++);
			}
			else if (score > heapScores[0]) {
				heapItems[0] = item;
				heapScores[0] = score;
				down(0);
			}
		}

		private void up(int i) {
			while (i > 0) {
				int parent = (i - 1) / 2;
				if (heapScores[parent] <= heapScores[i]) {
					return;
				}
				swap(i, parent);
				i = parent;
			}
		}

		private void down(int i) {
			while (true) {
				int left = 2 * i + 1;
				int smallest = i;
				if (left < size && heapScores[left] < heapScores[smallest]) {
					smallest = left;
				}
				if (left + 1 < size && heapScores[left + 1] < heapScores[smallest]) {
					smallest = left + 1;
				}
				if (smallest == i) {
					return;
				}
				swap(i, smallest);
				i = smallest;
			}
		}

		private void swap(int a, int b) {
			int item = heapItems[a];
			heapItems[a] = heapItems[b];
			heapItems[b] = item;
			double score = heapScores[a];
			heapScores[a] = heapScores[b];
			heapScores[b] = score;
		}

		/** The kept items, best first. */
		int[] items() {
			return sorted().stream().mapToInt(pair -> (int) pair[0]).toArray();
		}

		float[] scores() {
			List<double[]> sorted = sorted();
			float[] scores = new float[sorted.size()];
			for (int i = 0; i < scores.length; i++) {
				scores[i] = (float) sorted.get(i)[1];
			}
			return scores;
		}

		private List<double[]> sorted() {
			List<double[]> pairs = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				pairs.add(new double[] { heapItems[i], heapScores[i] });
			}
			pairs.sort((a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
			return pairs;
		}
	}
}
