package dev.parley.ai;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.quota.QuotaGate;
import dev.parley.ai.quota.QuotaHold;
import dev.parley.ai.metering.GenerationMetering;
import dev.parley.ai.metering.UserConcurrency;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.OpenAiUpstream;
import dev.parley.ai.provider.ProviderRegistry;
import dev.parley.ai.resilience.ResilientCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Requests passed through to an OpenAI-compatible server (OpenAI, a named compatible server, a
 * user's own base URL) as the client sent them: the body goes out as bytes and the answer comes
 * back as bytes, for any endpoint of OpenAI's API ({@code /chat/completions}, {@code /responses},
 * {@code /embeddings} ...). It is the same machinery as {@link Generations} without the
 * translation: the model resolved once (aliases included), the user's own key or the server's,
 * one of the user's places for a generation, the breaker of the endpoint and model with retries
 * before any byte of the answer is passed on, and the usage metered ({@link GenerationCompleted})
 * from what the caller reads in the answer ({@link UpstreamExchange#completed}). Parsing the
 * request and the answer is the caller's: it knows the endpoint's shape.
 */
@Service
public class OpenAiPassThrough {

	private static final GenerationObserver NO_ONE = new GenerationObserver() {

		@Override
		public void onDelta(String text) {
		}

		@Override
		public void onComplete(GenerationResult result) {
		}

		@Override
		public void onFailure(GenerationFailed failure) {
		}
	};

	private final ModelCatalogue catalogue;

	private final ProviderRegistry providers;

	private final CredentialResolver credentials;

	private final UserConcurrency concurrency;

	private final GenerationMetering metering;

	private final ResilientCalls calls;

	private final QuotaGate quotas;

	private final int maxTokensCap;

	OpenAiPassThrough(ModelCatalogue catalogue, ProviderRegistry providers, CredentialResolver credentials,
			UserConcurrency concurrency, GenerationMetering metering, ResilientCalls calls, QuotaGate quotas,
			AiProperties properties) {
		this.quotas = quotas;
		this.maxTokensCap = properties.limits().maxTokens();
		this.catalogue = catalogue;
		this.providers = providers;
		this.credentials = credentials;
		this.concurrency = concurrency;
		this.metering = metering;
		this.calls = calls;
	}

	/**
	 * Whether requests for this model (an id, an alias, or {@code null} for the default) go to an
	 * OpenAI-compatible server as sent; {@code false} for the models of other providers and for
	 * unknown models (whose requests then fail where they are translated).
	 */
	public boolean handles(@Nullable String requested) {
		try {
			return upstream(catalogue.resolve(requested)) != null;
		}
		catch (UnknownModel ex) {
			return false;
		}
	}

	/**
	 * Sends a request to the model's server and returns its answer once the server accepted it, in
	 * one of the user's places, which the exchange gives back when it ends.
	 * @param userId whose request it is: their key, their place, their usage
	 * @param requested the model as the client named it
	 * @param path the endpoint under the server's base URL, e.g. {@code /chat/completions}
	 * @param body the body to send, given the server's own name of the model ({@code gpt-4o-mini})
	 * @param streamed whether the answer is a stream (read timeouts are a stream's)
	 * @throws UnknownModel for a model this server does not know, or one not served this way
	 * @throws dev.parley.ai.credentials.OwnKeyRequired when the user needs a key of their own
	 * @throws TooManyGenerations when the user has no place left
	 * @throws GenerationFailed when the server refused or failed, after Parley's retries; its
	 *     {@link GenerationFailed#upstream()} says what the server answered
	 */
	public UpstreamExchange open(@Nullable UUID userId, @Nullable String requested, String path,
			Function<String, byte[]> body, boolean streamed) {
		ModelInfo model = catalogue.resolve(requested);
		OpenAiUpstream upstream = upstream(model);
		if (upstream == null) {
			throw new UnknownModel(model.id().toString());
		}
		CredentialResolver.Resolved credential = credentials.resolve(userId, model.id().provider());
		byte[] bytes = body.apply(model.id().model());
		String id = model.id().toString();
		UserConcurrency.Permit permit = concurrency.acquire(userId);
		// The bytes are not decoded, so the quota holds the answer's cap; it settles at the usage the server reports.
		GenerationRequest estimate = new GenerationRequest(userId, id, List.of(), null, maxTokensCap);
		QuotaHold quota;
		try {
			quota = quotas.admit(QuotaGate.currentCaller(userId), estimate, model);
		}
		catch (RuntimeException refused) {
			permit.release();
			throw refused;
		}
		// The place is given back by the exchange itself, at once when it ends; metering may come later.
		String operation = path.startsWith("/embeddings") ? "embeddings" : "chat";
		GenerationObserver metered = quota.settling(metering.observe(operation, estimate, model,
				credential.source().name().toLowerCase(Locale.ROOT), NO_ONE, () -> {
				}, catalogue::resolve), catalogue::resolve);
		try {
			return new UpstreamExchange(id, calls.exchange(upstream.provider(), id, credential.credential(),
					() -> upstream.send(credential.credential(), path, bytes, streamed)), metered, permit::release);
		}
		catch (GenerationFailed failed) {
			permit.release();
			metered.onFailure(failed);
			throw failed;
		}
		catch (RuntimeException ex) {
			permit.release();
			metered.onFailure(new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR,
					"The provider '" + upstream.provider() + "' failed to answer."));
			throw ex;
		}
	}

	/**
	 * Meters a request answered from the response cache instead of the server: the tokens the stored
	 * answer had, at no cost ({@link GenerationCompleted#cacheHit()}).
	 */
	public void answeredFromCache(UUID userId, @Nullable String requested, TokenUsage usage,
			java.time.Instant startedAt) {
		ModelInfo model = catalogue.resolve(requested);
		CredentialResolver.Resolved credential = credentials.resolve(userId, model.id().provider());
		metering.recordCacheHit(userId, model, credential.source().name().toLowerCase(Locale.ROOT), usage, startedAt);
	}

	private @Nullable OpenAiUpstream upstream(ModelInfo model) {
		return providers.find(model.id().provider()).map(ChatProvider::openAiUpstream).orElse(null);
	}
}
