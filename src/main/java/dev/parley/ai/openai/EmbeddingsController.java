package dev.parley.ai.openai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import dev.parley.ai.Embeddings;
import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1")
@Tag(name = "OpenAI-compatible", description = "OpenAI's API shape, for OpenAI SDKs and tools (key: a Parley API key)")
class EmbeddingsController {

	private static final Set<String> FIELDS = Set.of("model", "input", "encoding_format", "dimensions", "user");

	private final Embeddings embeddings;

	EmbeddingsController(Embeddings embeddings) {
		this.embeddings = embeddings;
	}

	@PostMapping("/embeddings")
	@Operation(summary = "Create embeddings (OpenAI's shape) with an embedding model of openai, an OpenAI-compatible "
			+ "server, gemini, ollama or bedrock",
			description = "input is a string or an array of strings (token arrays are refused: param input); "
					+ "encoding_format float (default) or base64 (little-endian float32); dimensions where the model "
					+ "takes it (else a 400 naming it). Usage: the prompt tokens the provider counted (Gemini reports none).")
	@ApiResponse(responseCode = "400", description = "An input or option the model cannot take (param names it)")
	@ApiResponse(responseCode = "404", description = "No enabled provider embeds with this model (code model_not_found)")
	@ApiResponse(responseCode = "502", description = "The model provider failed")
	EmbeddingList create(@AuthenticationPrincipal AuthenticatedUser caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "OpenAI's embeddings request: model, input, "
					+ "encoding_format, dimensions, user")
			@RequestBody JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidChatRequest("body", "The body must be a JSON object.");
		}
		for (String field : body.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw new InvalidChatRequest(field, "'" + field + "' is not supported.");
			}
		}
		JsonNode model = body.get("model");
		if (model == null || !model.isString() || model.asString().isBlank()) {
			throw new InvalidChatRequest("model", "Field required: a model id such as openai/text-embedding-3-small.");
		}
		boolean base64 = switch (body.path("encoding_format").asString("float")) {
			case "float" -> false;
			case "base64" -> true;
			default -> throw new InvalidChatRequest("encoding_format", "Must be float or base64.");
		};
		Embeddings.Embedded embedded = embeddings.embed(caller.id(), model.asString(), inputs(body.get("input")),
				dimensions(body.get("dimensions")));
		List<EmbeddingData> data = new ArrayList<>();
		for (int i = 0; i < embedded.vectors().size(); i++) {
			float[] vector = embedded.vectors().get(i);
			data.add(new EmbeddingData("embedding", i, base64 ? encode(vector) : widen(vector)));
		}
		return new EmbeddingList("list", data, embedded.model(),
				new EmbeddingUsage(embedded.promptTokens(), embedded.promptTokens()));
	}

	private static List<String> inputs(@Nullable JsonNode input) {
		if (input != null && input.isString()) {
			return List.of(input.asString());
		}
		if (input == null || !input.isArray() || input.isEmpty()) {
			throw new InvalidChatRequest("input", "Field required: a string or a non-empty array of strings.");
		}
		List<String> texts = new ArrayList<>();
		for (JsonNode item : input) {
			if (!item.isString()) {
				throw new InvalidChatRequest("input", "Token arrays are not supported: send the text as strings.");
			}
			texts.add(item.asString());
		}
		return texts;
	}

	private static @Nullable Integer dimensions(@Nullable JsonNode dimensions) {
		if (dimensions == null || dimensions.isNull()) {
			return null;
		}
		if (!dimensions.isIntegralNumber() || dimensions.asInt() < 1) {
			throw new InvalidChatRequest("dimensions", "Must be a positive integer.");
		}
		return dimensions.asInt();
	}

	/**
	 * The floats as doubles, so that each is written with the digits that read back as exactly that
	 * float32 ({@code -0.09600000083446503}), as OpenAI writes them, not as the shortest float text
	 * ({@code -0.096}), which a client parsing doubles would read as another value.
	 */
	private static double[] widen(float[] vector) {
		double[] values = new double[vector.length];
		for (int i = 0; i < vector.length; i++) {
			values[i] = vector[i];
		}
		return values;
	}

	/** OpenAI's base64 encoding: the floats as little-endian float32 bytes. */
	static String encode(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			bytes.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	/** @param embedding the vector: an array of floats, or its base64 text */
	record EmbeddingData(String object, int index, Object embedding) {
	}

	record EmbeddingUsage(int promptTokens, int totalTokens) {
	}

	/** @param model the Parley model id that embedded */
	record EmbeddingList(String object, List<EmbeddingData> data, String model, EmbeddingUsage usage) {
	}
}
