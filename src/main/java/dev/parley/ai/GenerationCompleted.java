package dev.parley.ai;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A generation ended, however it ended: what it cost and how it went. Published for every
 * generation (chat turns, {@code /api/v1/ai/generate}, {@code /v1}), so usage can be metered.
 *
 * @param userId whose usage it is
 * @param chatId the chat it answered in, or {@code null}
 * @param model the model that answered (after fallback), or the one asked for when none did
 * @param provider the provider part of {@code model}
 * @param keySource {@code server} or {@code own} (the user's own provider key)
 * @param promptTokens tokens of the prompt, as the provider reported them
 * @param completionTokens tokens generated
 * @param costUsd what it cost by the catalogue's prices, or {@code null} when the price is unknown
 * @param latencyMillis from the start to the end
 * @param timeToFirstTokenMillis from the start to the first text, or {@code null} when none came
 * @param status {@code completed}, {@code failed} or {@code cancelled}
 * @param endedAt when it ended
 * @param apiKeyId the API key the generation was asked for with, or {@code null} (a login session,
 *     or a run going on in the background)
 * @param cacheHit whether it was answered from the response cache: no provider call, a cost of zero,
 *     the tokens the cached answer had
 */
public record GenerationCompleted(UUID userId, @Nullable UUID chatId, String model, String provider, String keySource,
		int promptTokens, int completionTokens, @Nullable BigDecimal costUsd, long latencyMillis,
		@Nullable Long timeToFirstTokenMillis,
		String status, Instant endedAt, @Nullable UUID apiKeyId, boolean cacheHit) {

	/** A generation the provider answered. */
	public GenerationCompleted(UUID userId, @Nullable UUID chatId, String model, String provider, String keySource,
			int promptTokens, int completionTokens, @Nullable BigDecimal costUsd, long latencyMillis,
			@Nullable Long timeToFirstTokenMillis, String status, Instant endedAt, @Nullable UUID apiKeyId) {
		this(userId, chatId, model, provider, keySource, promptTokens, completionTokens, costUsd, latencyMillis,
				timeToFirstTokenMillis, status, endedAt, apiKeyId, false);
	}

	/** A generation not asked for with an API key. */
	public GenerationCompleted(UUID userId, @Nullable UUID chatId, String model, String provider, String keySource,
			int promptTokens, int completionTokens, @Nullable BigDecimal costUsd, long latencyMillis,
			@Nullable Long timeToFirstTokenMillis, String status, Instant endedAt) {
		this(userId, chatId, model, provider, keySource, promptTokens, completionTokens, costUsd, latencyMillis,
				timeToFirstTokenMillis, status, endedAt, null);
	}
}
