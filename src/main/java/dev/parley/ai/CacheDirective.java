package dev.parley.ai;

import java.util.UUID;

import dev.parley.platform.InvalidFields;
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

	/**
	 * What a client asked of the cache, checked: {@code null} when it did not ask; a 400 naming
	 * {@code field} (and {@code cache_ttl_seconds}) when the request may not be cached, rather than
	 * an answer silently not cached.
	 * @param request the request, or {@code null} when it is invalid already (only the TTL is checked)
	 */
	public static @Nullable CacheDirective asked(String field, @Nullable Boolean cache, @Nullable Integer ttlSeconds,
			@Nullable GenerationRequest request) {
		if (ttlSeconds != null && ttlSeconds < 1) {
			throw InvalidFields.of("cache_ttl_seconds", "must be at least 1");
		}
		if (!Boolean.TRUE.equals(cache)) {
			return null;
		}
		String refusal = request == null ? null : refusal(request);
		if (refusal != null) {
			throw InvalidFields.of(field, refusal);
		}
		return new CacheDirective(null, ttlSeconds);
	}

	/** {@link #refusal(Double, Long, boolean)} of a whole request. */
	public static @Nullable String refusal(GenerationRequest request) {
		return refusal(request.temperature(), request.options().seed(), !request.tools().isEmpty());
	}
}
