package dev.parley.catalog.recommendation;

import java.util.Random;

/** Draws from Beta(a, b) as X / (X + Y) of two Gamma draws (Marsaglia and Tsang's method). */
final class BetaSampler {

	private BetaSampler() {
	}

	static double sample(Random random, double a, double b) {
		double x = gamma(random, a);
		double y = gamma(random, b);
		return x / (x + y);
	}

	/** A Gamma(shape, 1) draw; shapes below one are boosted by {@code U^(1/shape)}. */
	static double gamma(Random random, double shape) {
		if (shape < 1) {
			return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double x = random.nextGaussian();
			double v = 1 + c * x;
			if (v <= 0) {
				continue;
			}
			v = v * v * v;
			double u = random.nextDouble();
			if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
				return d * v;
			}
		}
	}
}
