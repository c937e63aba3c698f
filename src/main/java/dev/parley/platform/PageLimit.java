package dev.parley.platform;

import org.jspecify.annotations.Nullable;

/** The {@code limit} of a list request: 20 when absent, clamped to 1..100. */
public final class PageLimit {

	public static final int DEFAULT = 20;

	public static final int MAX = 100;

	private PageLimit() {
	}

	public static int clamp(@Nullable Integer requested) {
		if (requested == null) {
			return DEFAULT;
		}
		return Math.max(1, Math.min(MAX, requested));
	}
}
