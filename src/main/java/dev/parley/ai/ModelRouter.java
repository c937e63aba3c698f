package dev.parley.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderCredential;
import dev.parley.ai.provider.ProviderRegistry;
import dev.parley.ai.resilience.ResilientCalls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Streams a model's answer, falling back along {@code parley.ai.fallbacks.<model-id>} when the
 * model fails before its first token (for any reason but cancellation); a tool call counts as a
 * token: once the model has called a tool, its failure is the answer's. Every chunk names the
 * model that produced it. When every model fails, the primary model's failure is reported.
 * Fallback models that are not available on this server are skipped.
 */
@Component
class ModelRouter {

	private static final Logger log = LoggerFactory.getLogger(ModelRouter.class);

	private final ModelCatalogue catalogue;

	private final ProviderRegistry providers;

	private final ResilientCalls calls;

	private final AiProperties properties;

	private final CredentialResolver credentials;

	ModelRouter(ModelCatalogue catalogue, ProviderRegistry providers, ResilientCalls calls, AiProperties properties,
			CredentialResolver credentials) {
		this.catalogue = catalogue;
		this.providers = providers;
		this.calls = calls;
		this.properties = properties;
		this.credentials = credentials;
	}

	/** A chunk of the answer and the model it came from. */
	record Answer(String model, ProviderChunk chunk) {
	}

	/** The answer as it is generated ({@code streamed}), or whole in one chunk. */
	Flux<Answer> stream(ModelInfo primary, GenerationRequest request, boolean streamed) {
		return stream(primary, request, streamed, null);
	}

	/**
	 * As {@link #stream(ModelInfo, GenerationRequest, boolean)}, calling the primary model with a
	 * credential already resolved for the request's user ({@code null}: resolve it here).
	 */
	Flux<Answer> stream(ModelInfo primary, GenerationRequest request, boolean streamed,
			CredentialResolver.@Nullable Resolved primaryCredential) {
		List<ModelInfo> chain = chain(primary);
		return attempt(chain, 0, request, streamed, new AtomicBoolean(), null, primaryCredential);
	}

	private Flux<Answer> attempt(List<ModelInfo> chain, int index, GenerationRequest request, boolean streamed,
			AtomicBoolean spoke, @Nullable GenerationFailed primaryFailure, CredentialResolver.@Nullable Resolved primaryCredential) {
		ModelInfo model = chain.get(index);
		String id = model.id().toString();
		ChatProvider provider = providers.find(model.id().provider()).orElseThrow(() -> new UnknownModel(id));
		return calls.stream(provider, id, call(model, request, streamed, index == 0 ? primaryCredential : null))
			.doOnNext(chunk -> {
				if (!chunk.text().isEmpty() || !chunk.toolCalls().isEmpty()) {
					spoke.set(true);
				}
			})
			.map(chunk -> new Answer(id, chunk))
			.onErrorResume(GenerationFailed.class, failure -> {
				GenerationFailed reported = primaryFailure == null ? failure : primaryFailure;
				if (spoke.get() || index + 1 >= chain.size() || failure.reason() == GenerationFailed.Reason.CANCELLED) {
					return Flux.error(reported);
				}
				String next = chain.get(index + 1).id().toString();
				log.warn("model={} failed before its first token ({}); fallback={}", id, failure.reason(), next);
				return attempt(chain, index + 1, request, streamed, spoke, reported, null);
			});
	}

	private ProviderCall call(ModelInfo model, GenerationRequest request, boolean streamed,
			CredentialResolver.@Nullable Resolved resolved) {
		int cap = properties.limits().maxTokens();
		int maxTokens = request.maxTokens() == null ? cap : Math.min(request.maxTokens(), cap);
		// The user's own key for this provider when they stored one; else the server's (null).
		ProviderCredential credential = (resolved != null ? resolved
				: credentials.resolve(request.userId(), model.id().provider())).credential();
		return new ProviderCall(model.id().model(), request.messages(), request.temperature(), maxTokens, credential,
				streamed, request.tools(), request.outputSchema(), request.options());
	}

	private List<ModelInfo> chain(ModelInfo primary) {
		List<ModelInfo> chain = new ArrayList<>(List.of(primary));
		for (String fallback : properties.fallbacks().getOrDefault(primary.id().toString(), List.of())) {
			try {
				chain.add(catalogue.resolve(fallback));
			}
			catch (UnknownModel ex) {
				log.debug("fallback {} of {} is not available here; skipped", fallback, primary.id());
			}
		}
		return chain;
	}
}
