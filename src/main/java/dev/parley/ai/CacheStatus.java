package dev.parley.ai;

import java.util.Locale;

/**
 * Whether a request that asked for the response cache was answered from it ({@code hit}) or by the
 * provider ({@code miss}, the answer then stored); sent as the {@value #HEADER} response header.
 */
public enum CacheStatus {

	HIT, MISS;

	/** The response header (and, on {@code /v1}, the request header that asks for the cache). */
	public static final String HEADER = "x-parley-cache";

	public String headerValue() {
		return name().toLowerCase(Locale.ROOT);
	}
}
