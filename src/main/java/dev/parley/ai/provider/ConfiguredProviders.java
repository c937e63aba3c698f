package dev.parley.ai.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import dev.parley.ai.AiProperties;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.jspecify.annotations.Nullable;

/**
 * The real providers the settings turn on, each registered under the id its model ids start with:
 * <ul>
 * <li>{@code openai}, {@code anthropic}, {@code gemini}: when the server has a key
 * ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}), or when listed in
 * {@code parley.ai.own-keys.providers}: then they serve only calls carrying a user's own key;</li>
 * <li>{@code ollama}: when {@code OLLAMA_BASE_URL} is set;</li>
 * <li>{@code bedrock}: when an AWS region and access key pair are set;</li>
 * <li>each {@code parley.ai.providers.<name>} with a base URL: an OpenAI-compatible server named
 * {@code <name>}, with its key if it has one.</li>
 * </ul>
 * OpenAI and the named servers are reached over their chat-completions API directly
 * ({@link OpenAiChatProvider}), and take requests passed through as sent ({@link OpenAiUpstream}).
 * A provider not turned on is not registered, so its models are unknown. Calls to a user's own
 * base URL pass {@code guard}; the URLs configured here are the operator's and do not.
 */
public final class ConfiguredProviders {

	private ConfiguredProviders() {
	}

	public static List<ChatProvider> create(AiProperties settings, OutboundAddressGuard guard) {
		AiProperties.Timeouts timeouts = settings.timeouts();
		GuardedHttp guarded = new GuardedHttp(guard, timeouts);
		UpstreamHttp upstreamHttp = new UpstreamHttp(guarded, timeouts);
		List<ChatProvider> providers = new ArrayList<>();
		openAiCompatible(settings, "openai", settings.openai(), providers, upstreamHttp);
		keyed(settings, "anthropic", settings.anthropic(), new AnthropicModels(timeouts, guarded), providers);
		keyed(settings, "gemini", settings.gemini(), new GeminiModels(timeouts, guarded), providers);
		if (present(settings.ollama().baseUrl())) {
			providers.add(new SpringAiChatProvider("ollama", new ProviderCredential(null, settings.ollama().baseUrl()),
					settings.ollama().baseUrl(), new OllamaModels(timeouts, guarded), settings.ownKeys()));
		}
		if (settings.bedrock().configured()) {
			providers.add(BedrockProvider.create(settings.bedrock(), timeouts));
		}
		for (Map.Entry<String, AiProperties.KeyedProvider> server : settings.providers().entrySet()) {
			String baseUrl = server.getValue().baseUrl();
			if (!present(baseUrl)) {
				throw new IllegalStateException("parley.ai.providers." + server.getKey() + ".base-url is not set");
			}
			String key = server.getValue().hasKey() ? server.getValue().apiKey() : "";
			ProviderCredential credential = new ProviderCredential(key, baseUrl);
			providers.add(new OpenAiChatProvider(new OpenAiUpstream(server.getKey(), credential, baseUrl, upstreamHttp)));
		}
		return providers;
	}

	/**
	 * The embedding providers the same settings turn on: {@code openai}, {@code gemini}, {@code ollama},
	 * {@code bedrock} and every named OpenAI-compatible server, with the same keys and base URLs as
	 * their chat models. Anthropic has no embeddings API.
	 */
	public static List<EmbeddingProvider> embeddings(AiProperties settings, OutboundAddressGuard guard) {
		AiProperties.Timeouts timeouts = settings.timeouts();
		GuardedHttp guarded = new GuardedHttp(guard, timeouts);
		OpenAiEmbeddings openAi = new OpenAiEmbeddings(timeouts, guarded);
		List<EmbeddingProvider> providers = new ArrayList<>();
		keyedEmbeddings(settings, "openai", settings.openai(), openAi::embeddings, providers);
		keyedEmbeddings(settings, "gemini", settings.gemini(), new GeminiModels(timeouts, guarded)::embeddings, providers);
		if (present(settings.ollama().baseUrl())) {
			providers.add(new KeyedEmbeddingProvider("ollama", new ProviderCredential(null, settings.ollama().baseUrl()),
					settings.ollama().baseUrl(), new OllamaModels(timeouts, guarded)::embeddings, settings.ownKeys()));
		}
		if (settings.bedrock().configured()) {
			providers.add(new BedrockEmbeddings(BedrockProvider.client(settings.bedrock(), timeouts)));
		}
		for (Map.Entry<String, AiProperties.KeyedProvider> server : settings.providers().entrySet()) {
			String baseUrl = server.getValue().baseUrl();
			String key = server.getValue().hasKey() ? server.getValue().apiKey() : "";
			providers.add(new KeyedEmbeddingProvider(server.getKey(), new ProviderCredential(key, baseUrl), baseUrl,
					openAi::embeddings, settings.ownKeys()));
		}
		return providers;
	}

	private static void keyedEmbeddings(AiProperties settings, String id, AiProperties.KeyedProvider provider,
			BiFunction<ProviderCredential, Boolean, EmbeddingClient> factory, List<EmbeddingProvider> providers) {
		String baseUrl = present(provider.baseUrl()) ? provider.baseUrl() : null;
		if (provider.hasKey()) {
			providers.add(new KeyedEmbeddingProvider(id, new ProviderCredential(provider.apiKey(), baseUrl), baseUrl,
					factory, settings.ownKeys()));
		}
		else if (settings.ownKeys().providers().contains(id)) {
			providers.add(new KeyedEmbeddingProvider(id, null, baseUrl, factory, settings.ownKeys()));
		}
	}

	private static void keyed(AiProperties settings, String id, AiProperties.KeyedProvider provider,
			ChatModelFactory factory, List<ChatProvider> providers) {
		String baseUrl = present(provider.baseUrl()) ? provider.baseUrl() : null;
		ProviderCredential server = serverCredential(provider, baseUrl);
		if (server != null || settings.ownKeys().providers().contains(id)) {
			providers.add(new SpringAiChatProvider(id, server, baseUrl, factory, settings.ownKeys()));
		}
	}

	private static void openAiCompatible(AiProperties settings, String id, AiProperties.KeyedProvider provider,
			List<ChatProvider> providers, UpstreamHttp http) {
		String baseUrl = present(provider.baseUrl()) ? provider.baseUrl() : null;
		ProviderCredential server = serverCredential(provider, baseUrl);
		if (server != null || settings.ownKeys().providers().contains(id)) {
			providers.add(new OpenAiChatProvider(new OpenAiUpstream(id, server, baseUrl, http)));
		}
	}

	private static @Nullable ProviderCredential serverCredential(AiProperties.KeyedProvider provider,
			@Nullable String baseUrl) {
		return provider.hasKey() ? new ProviderCredential(provider.apiKey(), baseUrl) : null;
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}
}
