package dev.parley.ai.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.QuotaExceeded;
import dev.parley.ai.TokenUsage;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Admits generations within the quotas admins set. When none applies (the quotas are read from a copy
 * refreshed every second), admission is free; otherwise it reserves the estimate (the prompt's
 * tokens, guessed from its length, plus the most the answer may have) and its cost on every
 * counter that applies, in one atomic round trip, and refuses with {@link QuotaExceeded} when any
 * would pass its limit.
 */
@Component
class StoredQuotaGate implements QuotaGate {

	/** A rough tokens-per-character ratio for English text and code; the estimate only has to be near. */
	private static final int CHARS_PER_TOKEN = 4;

	/** Role markers and separators each prompt message costs. */
	private static final int TOKENS_PER_MESSAGE = 4;

	private final QuotaDefinitions definitions;

	private final QuotaStore store;

	private final QuotaProperties properties;

	private final int defaultMaxTokens;

	private final Clock clock;

	StoredQuotaGate(QuotaDefinitions definitions, QuotaStore store, QuotaProperties properties, AiProperties ai, Clock clock) {
		this.definitions = definitions;
		this.store = store;
		this.properties = properties;
		this.defaultMaxTokens = ai.limits().maxTokens();
		this.clock = clock;
	}

	@Override
	public QuotaHold admit(@Nullable AuthenticatedUser caller, GenerationRequest request, ModelInfo model) {
		UUID userId = request.userId();
		if (userId == null) {
			return QuotaHold.NONE;
		}
		Map<QuotaSubject, QuotaLimits> all = definitions.all();
		if (all.isEmpty()) {
			return QuotaHold.NONE;
		}
		EffectiveQuota quota = EffectiveQuota.of(all, userId, caller);
		if (quota.isEmpty()) {
			return QuotaHold.NONE;
		}
		Instant now = clock.instant();
		List<QuotaCounter> counters = quota.counters(now);
		TokenUsage estimate = new TokenUsage(promptTokens(request),
				request.maxTokens() == null ? defaultMaxTokens : request.maxTokens());
		long usdMicros = model.pricing() == null ? 0 : QuotaLimits.micros(model.pricing().cost(estimate));
		UUID id = Ids.next();
		List<String> violated = store.reserve(id, counters, estimate.totalTokens(), usdMicros, now,
				now.plus(properties.holdFor()));
		if (!violated.isEmpty()) {
			throw new QuotaExceeded(violated, retryAfter(counters, violated, now));
		}
		return new QuotaHold(store, id, counters);
	}

	static int promptTokens(GenerationRequest request) {
		long chars = 0;
		for (PromptMessage message : request.messages()) {
			chars += message.content().length();
		}
		return (int) Math.min(Integer.MAX_VALUE,
				(chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + (long) TOKENS_PER_MESSAGE * request.messages().size());
	}

	/** Until the last of the violated counters resets: only then would the request pass. */
	private static Duration retryAfter(List<QuotaCounter> counters, List<String> violated, Instant now) {
		Instant latest = now;
		for (QuotaCounter counter : counters) {
			if (names(violated, counter.tokensPolicy()) || names(violated, counter.usdPolicy())
					|| names(violated, counter.requestsPolicy())) {
				latest = counter.resetsAt().isAfter(latest) ? counter.resetsAt() : latest;
			}
		}
		return Duration.between(now, latest);
	}

	private static boolean names(List<String> violated, @Nullable String policy) {
		return policy != null && violated.contains(policy);
	}
}
