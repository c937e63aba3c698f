package dev.parley.ai.openai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.UnknownModel;
import dev.parley.identity.ApiKeyLimits;
import dev.parley.identity.CallerLimits;
import dev.parley.platform.limits.RateLimitExceeded;
import dev.parley.platform.limits.RateLimitPolicy;
import dev.parley.platform.limits.RateLimitState;
import dev.parley.platform.limits.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The limits of the API key a {@code /v1} request is made with: its {@code models} (a model it may not
 * use is a model it cannot see: 404 {@code model_not_found}, and {@code /v1/models} leaves it out), its
 * {@code rpm} and its {@code tpm}, in buckets of the platform's {@link RateLimits} keyed by the key's id
 * (shared by every node with Redis; refused while Redis is away, as all generation is). A request's
 * tokens are taken up front, as Azure OpenAI counts them: the prompt's estimate (a token per four
 * characters) plus its {@code max_tokens}, or the server's cap when it sets none; a request is thus
 * refused before it costs anything upstream and a key never goes past its tpm. A request larger than
 * the whole tpm waits for a full bucket. Access tokens have none of these limits.
 */
@Component
class GatewayKeyLimits {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final CallerLimits callers;

	private final RateLimits limits;

	private final int maxTokensCap;

	GatewayKeyLimits(CallerLimits callers, RateLimits limits, AiProperties properties) {
		this.callers = callers;
		this.limits = limits;
		this.maxTokensCap = properties.limits().maxTokens();
	}

	/**
	 * Admits a generation of {@code model} (the resolved id) for the current request's key.
	 * @return the buckets it took from, for the {@code RateLimit} fields; none for an access token
	 * @throws UnknownModel when the key may not use the model
	 * @throws RateLimitExceeded when the key's rpm or tpm is spent; nothing is taken then
	 */
	List<RateLimitState> admit(GenerationRequest request, String model) {
		return admit(request.model(), model, () -> estimatedTokens(request));
	}

	/**
	 * As {@link #admit(GenerationRequest, String)} for a request passed through as bytes: its prompt
	 * is estimated from the body's size (a quarter token per byte) plus the server's answer cap.
	 */
	List<RateLimitState> admit(@Nullable String requestedModel, String model, int bodyBytes) {
		return admit(requestedModel, model, () -> (bodyBytes + 3L) / 4 + maxTokensCap);
	}

	private List<RateLimitState> admit(@Nullable String requestedModel, String model, LongSupplier estimatedTokens) {
		Optional<ApiKeyLimits> found = callers.ofCurrentApiKey();
		if (found.isEmpty()) {
			return List.of();
		}
		ApiKeyLimits key = found.get();
		if (!key.allowsModel(model) && (requestedModel == null || !key.allowsModel(requestedModel))) {
			throw new UnknownModel(requestedModel == null ? model : requestedModel);
		}
		String bucket = key.keyId().toString();
		List<RateLimitState> taken = new ArrayList<>();
		RateLimitPolicy rpm = key.rpm() == null ? null : new RateLimitPolicy("key-rpm", key.rpm(), MINUTE,
				RateLimitPolicy.OnOutage.REFUSE, "This API key's requests per minute (rpm) are spent; wait a moment.");
		if (rpm != null) {
			taken.add(limits.consume(rpm, bucket));
		}
		if (key.tpm() != null) {
			RateLimitPolicy tpm = new RateLimitPolicy("key-tpm", key.tpm(), MINUTE, RateLimitPolicy.OnOutage.REFUSE,
					"This API key's tokens per minute (tpm) are spent; wait a moment.");
			try {
				taken.add(limits.consume(tpm, bucket, estimatedTokens.getAsLong()));
			}
			catch (RuntimeException ex) {
				if (rpm != null) {
					limits.giveBack(rpm, bucket, 1);
				}
				throw ex;
			}
		}
		return taken;
	}

	/** Whether the current request's key (if any) may use, and so see, the model. */
	boolean visible(ModelInfo model) {
		return callers.ofCurrentApiKey().map(key -> key.allowsModel(model.id().toString())).orElse(true);
	}

	private long estimatedTokens(GenerationRequest request) {
		long characters = 0;
		for (PromptMessage message : request.messages()) {
			characters += message.content().length();
		}
		long completion = request.maxTokens() == null ? maxTokensCap : Math.min(request.maxTokens(), maxTokensCap);
		return (characters + 3) / 4 + completion;
	}
}
