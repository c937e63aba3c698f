package dev.parley.ai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the AI module; application.yaml names the environment variable of each.
 *
 * @param defaultModel the model used when neither the request nor the chat names one
 *     ({@code PARLEY_DEFAULT_MODEL})
 * @param echo the built-in development model {@code local/echo}
 * @param models the curated catalogue: what {@code GET /api/v1/ai/models} lists, with context
 *     windows and prices
 * @param limits caps on what one request or one user may ask for
 * @param openai {@code openai}: enabled by an API key
 * @param anthropic {@code anthropic}: enabled by an API key
 * @param gemini {@code gemini} (Google GenAI): enabled by an API key
 * @param ollama {@code ollama}: enabled by a base URL, needs no key
 * @param bedrock {@code bedrock} (AWS Converse API): enabled by a region
 * @param providers named OpenAI-compatible servers; the name is the provider id of their models
 * @param ownKeys providers offered to users' own keys although the server has no key of its own
 * @param timeouts how long a provider may take
 * @param retry how failed provider calls are tried again
 * @param fallbacks per model id, the models tried in turn when it fails before its first token
 * @param dropParams whether {@code /v1/chat/completions} drops a parameter the provider cannot honour
 *     instead of refusing the request ({@code PARLEY_DROP_PARAMS}); a request's own {@code drop_params} also does
 * @param images how images given by URL in {@code /v1/chat/completions} are fetched
 * @param aliases other names clients may give a model ({@code gpt-4o-mini} for
 *     {@code openai/gpt-4o-mini}), accepted wherever a model id is
 */
@ConfigurationProperties("parley.ai")
public record AiProperties(@DefaultValue("local/echo") String defaultModel, @DefaultValue Echo echo,
		@DefaultValue List<CatalogueEntry> models, @DefaultValue Limits limits, @DefaultValue KeyedProvider openai,
		@DefaultValue KeyedProvider anthropic, @DefaultValue KeyedProvider gemini, @DefaultValue Ollama ollama,
		@DefaultValue Bedrock bedrock, @DefaultValue Map<String, KeyedProvider> providers,
		@DefaultValue OwnKeys ownKeys, @DefaultValue Timeouts timeouts, @DefaultValue Retry retry,
		@DefaultValue Map<String, List<String>> fallbacks, @DefaultValue("false") boolean dropParams,
		@DefaultValue Images images, @DefaultValue Map<String, String> aliases) {

	/**
	 * @param maxBytes the largest image fetched ({@code PARLEY_IMAGE_MAX_BYTES}); larger ones are refused
	 * @param timeout the longest a fetch may take
	 */
	public record Images(@DefaultValue("10MB") DataSize maxBytes, @DefaultValue("10s") Duration timeout) {
	}

	/**
	 * @param enabled whether {@code local/echo} is offered
	 * @param delay the pause between streamed words
	 */
	public record Echo(@DefaultValue("true") boolean enabled, @DefaultValue("20ms") Duration delay) {
	}

	/**
	 * A model of the catalogue.
	 *
	 * @param id {@code provider/model}
	 * @param name a display name
	 * @param contextWindow how many tokens of prompt and answer the model takes
	 * @param inputPerMtok USD per million prompt tokens, or {@code null} when unknown
	 * @param outputPerMtok USD per million completion tokens, or {@code null} when unknown
	 * @param tools whether the model can call tools
	 * @param kind {@code chat} (the default) or {@code embedding}: an embedding model is served by
	 *     {@code POST /v1/embeddings} and priced by its {@code input-per-mtok} alone
	 */
	public record CatalogueEntry(String id, @Nullable String name, @DefaultValue("8192") int contextWindow,
			@Nullable BigDecimal inputPerMtok, @Nullable BigDecimal outputPerMtok, @DefaultValue("true") boolean tools,
			@DefaultValue("chat") ModelKind kind) {
	}

	/** What a model of the catalogue is for. */
	public enum ModelKind {

		CHAT, EMBEDDING

	}

	/**
	 * @param maxTokens the most tokens one answer may have; larger requests are capped to it
	 * @param defaultContextWindow assumed for models the catalogue does not list
	 * @param maxConcurrentPerUser generations one user may have running at once (429 past it)
	 */
	public record Limits(@DefaultValue("4096") int maxTokens, @DefaultValue("8192") int defaultContextWindow,
			@DefaultValue("4") int maxConcurrentPerUser) {
	}

	/**
	 * A provider reached with an API key.
	 *
	 * @param apiKey the server's key; blank when the server has none
	 * @param baseUrl another endpoint than the provider's own; blank for the default
	 */
	public record KeyedProvider(@Nullable String apiKey, @Nullable String baseUrl) {

		public boolean hasKey() {
			return apiKey != null && !apiKey.isBlank();
		}

		@Override
		public String toString() {
			return "KeyedProvider[apiKey=" + (hasKey() ? "***" : "") + ", baseUrl=" + baseUrl + "]";
		}
	}

	/** @param baseUrl where Ollama listens; blank leaves the provider off */
	public record Ollama(@Nullable String baseUrl) {
	}

	/**
	 * Amazon Bedrock, reached with the server's AWS credentials only.
	 *
	 * @param region the AWS region; with the access key pair it turns the provider on
	 * @param accessKeyId the AWS access key id
	 * @param secretAccessKey the AWS secret access key
	 * @param sessionToken a session token for temporary credentials, or blank
	 * @param endpoint another endpoint than the region's own, or blank
	 */
	public record Bedrock(@Nullable String region, @Nullable String accessKeyId, @Nullable String secretAccessKey,
			@Nullable String sessionToken, @Nullable String endpoint) {

		public boolean configured() {
			return region != null && !region.isBlank() && accessKeyId != null && !accessKeyId.isBlank()
					&& secretAccessKey != null && !secretAccessKey.isBlank();
		}

		@Override
		public String toString() {
			return "Bedrock[region=" + region + ", endpoint=" + endpoint + ", credentials=***]";
		}
	}

	/**
	 * @param providers ids of key-based providers (openai, anthropic, gemini, named servers) that
	 *     are offered even without a server key, for calls that carry the user's own key
	 * @param cacheSize how many clients built for users' own keys are kept
	 * @param cacheIdle how long an unused own-key client is kept
	 */
	public record OwnKeys(@DefaultValue List<String> providers, @DefaultValue("256") int cacheSize,
			@DefaultValue("30m") Duration cacheIdle) {
	}

	/**
	 * @param connect to open a connection to the provider
	 * @param firstToken from the request to the first streamed token
	 * @param idle between two streamed chunks
	 * @param request the whole call, a last safety net for the provider clients
	 */
	public record Timeouts(@DefaultValue("10s") Duration connect, @DefaultValue("60s") Duration firstToken,
			@DefaultValue("60s") Duration idle, @DefaultValue("10m") Duration request) {
	}

	/**
	 * @param maxAttempts the most calls for one generation, the first included
	 * @param initialBackoff the wait before the second call; it doubles after each failure
	 * @param maxBackoff the longest wait between two calls
	 * @param jitter the random share (0..1) taken off or added to each wait
	 * @param maxRetryAfter a provider asking to wait longer than this is not tried again
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("8s") Duration maxBackoff, @DefaultValue("0.2") double jitter,
			@DefaultValue("30s") Duration maxRetryAfter) {
	}
}
