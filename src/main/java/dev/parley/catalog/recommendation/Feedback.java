package dev.parley.catalog.recommendation;

/**
 * What a person did with a product, and how much it says about their taste. Swipes replace the
 * person's earlier swipe of the same product; interactions with a recommendation add to it. A
 * negative signal (a dislike, a dismissal) outranks every positive one before it.
 */
public enum Feedback {

	LIKE(1.0, true), SUPERLIKE(2.0, true), DISLIKE(-1.5, true), SKIP(-0.1, true),
	VIEW(0.1, false), CLICK(0.5, false), SAVE(1.5, false), PURCHASE(3.0, false), DISMISS(-1.0, false);

	private final double weight;

	private final boolean swipe;

	Feedback(double weight, boolean swipe) {
		this.weight = weight;
		this.swipe = swipe;
	}

	/** The signal's weight: positive for what the person likes, negative for what they refuse. */
	public double weight() {
		return weight;
	}

	/** Whether it is a swipe (which replaces an earlier swipe) rather than an interaction (which adds). */
	public boolean swipe() {
		return swipe;
	}

	public boolean negative() {
		return weight < 0;
	}
}
