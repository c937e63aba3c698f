package dev.parley.ai.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.parley.ai.CacheDirective;
import dev.parley.ai.GenerationOptions;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.PromptImage;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key of a cache entry: the SHA-256 (hex) of a canonical JSON (keys sorted, nulls kept) of the
 * scope, the model and everything the request asks (the whole prompt, every parameter).
 */
public record CacheKey(String scope, String value) {

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	/** {@code user:<id>}, or {@code agent:<id>} for a shared agent's entries. */
	public static String scope(UUID userId, CacheDirective directive) {
		return directive.sharedScope() != null ? "agent:" + directive.sharedScope() : "user:" + userId;
	}

	/**
	 * The key of a generation of {@code model} (its resolved id).
	 * @throws IllegalArgumentException for a request that may not be cached: its callers refuse it
	 *     first, naming their own field, before anything is stored
	 */
	public static CacheKey of(GenerationRequest request, String model) {
		String refusal = CacheDirective.refusal(request);
		if (refusal != null || request.userId() == null || request.cache() == null) {
			throw new IllegalArgumentException("Not a cacheable request: " + refusal);
		}
		Map<String, @Nullable Object> asked = new TreeMap<>();
		asked.put("messages", request.messages().stream().map(CacheKey::message).toList());
		asked.put("temperature", request.temperature());
		asked.put("max_tokens", request.maxTokens());
		asked.put("output_schema", request.outputSchema());
		GenerationOptions options = request.options();
		asked.put("top_p", options.topP());
		asked.put("stop", options.stop());
		asked.put("seed", options.seed());
		asked.put("json_object", options.jsonObject());
		asked.put("frequency_penalty", options.frequencyPenalty());
		asked.put("presence_penalty", options.presencePenalty());
		String scope = scope(request.userId(), request.cache());
		return of(scope, model, "generation", asked);
	}

	/** The key of a request's body (parsed JSON) as sent to {@code model}'s server. */
	public static CacheKey of(String scope, String model, String kind, Object asked) {
		Map<String, @Nullable Object> whole = new TreeMap<>();
		whole.put("scope", scope);
		whole.put("model", model);
		whole.put("kind", kind);
		whole.put("request", asked);
		byte[] canonical = CANONICAL.writeValueAsBytes(whole);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
			return new CacheKey(scope, HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, @Nullable Object> message(PromptMessage message) {
		Map<String, @Nullable Object> fields = new TreeMap<>();
		fields.put("role", message.role().name());
		fields.put("content", message.content());
		fields.put("tool_call_id", message.toolCallId());
		List<Object> calls = new ArrayList<>();
		for (ToolCall call : message.toolCalls()) {
			calls.add(List.of(call.id(), call.name(), call.arguments()));
		}
		fields.put("tool_calls", calls);
		List<Object> images = new ArrayList<>();
		for (PromptImage image : message.images()) {
			images.add(List.of(image.mediaType(), sha256(image.data())));
		}
		fields.put("images", images);
		return fields;
	}

	private static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
