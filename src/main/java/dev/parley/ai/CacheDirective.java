package dev.parley.ai;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A generation's wish to be answered from the response cache when an identical request was
 * answered before, and to be stored there otherwise. Entries are the user's own, unless
 * {@code sharedScope} names an agent an admin marked as shared: then every user of that agent
 * shares them.
 *
 * @param sharedScope the shared agent whose entries these are, or {@code null} for the user's own
 * @param ttlSeconds how long a stored answer lives, or {@code null} for the server's default; capped
 *     by the server's maximum
 */
public record CacheDirective(@Nullable UUID sharedScope, @Nullable Integer ttlSeconds) {

	/** The user's own entries, the server's default time to live. */
	public static final CacheDirective PRIVATE = new CacheDirective(null, null);

	/**
	 * Why a request with these parameters is never cached, or {@code null} when it may be: only a
	 * request whose answer is reproducible (temperature 0 or an explicit seed) and that offers no tools.
	 */
	public static @Nullable String refusal(@Nullable Double temperature, @Nullable Long seed, boolean tools) {
		if (tools) {
			return "requests with tools are never cached";
		}
		if (seed == null && (temperature == null || temperature != 0)) {
			return "caching needs temperature 0 or a seed";
		}
		return null;
	}

	/** {@link #refusal(Double, Long, boolean)} of a whole request. */
	public static @Nullable String refusal(GenerationRequest request) {
		return refusal(request.temperature(), request.options().seed(), !request.tools().isEmpty());
	}
}
