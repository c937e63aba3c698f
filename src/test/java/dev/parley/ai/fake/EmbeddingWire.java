package dev.parley.ai.fake;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embeddings endpoints of the providers, each in its own wire format: OpenAI's
 * {@code POST /v1/embeddings} (float or base64), Ollama's {@code POST /api/embed}, Gemini's
 * {@code POST /v1beta/models/<model>:batchEmbedContents} and Bedrock's
 * {@code POST /model/<id>/invoke} (Titan: one {@code inputText}; Cohere: {@code texts}). The i-th
 * text's vector is {@link #vector(int, int)}, as long as the requested dimensions (3 by default);
 * the prompt tokens are the texts' words.
 */
public final class EmbeddingWire {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EmbeddingWire() {
	}

	/** The vector of the {@code index}-th text of a request. */
	public static float[] vector(int index, int dimensions) {
		float[] vector = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			vector[i] = i == 0 ? index + 0.5f : (i % 2 == 0 ? -0.25f : 0.75f);
		}
		return vector;
	}

	public static Function<FakeProvider.Received, Reply> answering() {
		return request -> {
			JsonNode body = JSON.readTree(request.body());
			String uri = request.uri();
			if (uri.endsWith("/embeddings")) {
				return openAi(body);
			}
			if (uri.endsWith("/api/embed")) {
				return ollama(body);
			}
			if (uri.contains(":batchEmbedContents")) {
				return gemini(body);
			}
			if (uri.contains("/model/") && uri.endsWith("/invoke")) {
				return bedrock(body);
			}
			return Reply.json(404, "{\"error\":\"no such endpoint\"}");
		};
	}

	private static Reply openAi(JsonNode body) {
		List<String> texts = texts(body.get("input"));
		int dimensions = body.path("dimensions").asInt(3);
		boolean base64 = "base64".equals(body.path("encoding_format").asString("float"));
		ObjectNode answer = JSON.createObjectNode().put("object", "list");
		ArrayNode data = answer.putArray("data");
		for (int i = 0; i < texts.size(); i++) {
			ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
			float[] vector = vector(i, dimensions);
			if (base64) {
				item.put("embedding", base64(vector));
			}
			else {
				item.set("embedding", floats(vector));
			}
		}
		answer.put("model", body.path("model").asString());
		answer.putObject("usage").put("prompt_tokens", words(texts)).put("total_tokens", words(texts));
		return Reply.json(200, answer.toString());
	}

	private static Reply ollama(JsonNode body) {
		List<String> texts = texts(body.get("input"));
		ObjectNode answer = JSON.createObjectNode().put("model", body.path("model").asString());
		ArrayNode embeddings = answer.putArray("embeddings");
		for (int i = 0; i < texts.size(); i++) {
			embeddings.add(floats(vector(i, body.path("dimensions").asInt(3))));
		}
		answer.put("total_duration", 1000).put("load_duration", 10).put("prompt_eval_count", words(texts));
		return Reply.json(200, answer.toString());
	}

	private static Reply gemini(JsonNode body) {
		ObjectNode answer = JSON.createObjectNode();
		ArrayNode embeddings = answer.putArray("embeddings");
		JsonNode requests = body.path("requests");
		for (int i = 0; i < requests.size(); i++) {
			embeddings.addObject().set("values", floats(vector(i, requests.get(i).path("outputDimensionality").asInt(3))));
		}
		return Reply.json(200, answer.toString());
	}

	private static Reply bedrock(JsonNode body) {
		ObjectNode answer = JSON.createObjectNode();
		List<String> texts;
		if (body.has("inputText")) {
			texts = List.of(body.get("inputText").asString());
			answer.set("embedding", floats(vector(0, body.path("dimensions").asInt(3))));
			answer.put("inputTextTokenCount", words(texts));
		}
		else {
			texts = texts(body.get("texts"));
			ArrayNode embeddings = answer.putArray("embeddings");
			for (int i = 0; i < texts.size(); i++) {
				embeddings.add(floats(vector(i, 3)));
			}
			answer.put("id", "cohere-1").put("response_type", "embeddings_floats");
		}
		return Reply.json(200, answer.toString())
			.withHeader("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(words(texts)));
	}

	private static List<String> texts(JsonNode input) {
		List<String> texts = new ArrayList<>();
		if (input.isString()) {
			texts.add(input.asString());
		}
		else {
			input.forEach(text -> texts.add(text.asString()));
		}
		return texts;
	}

	private static int words(List<String> texts) {
		return texts.stream().mapToInt(text -> text.isBlank() ? 0 : text.trim().split("\\s+").length).sum();
	}

	private static ArrayNode floats(float[] vector) {
		ArrayNode values = JSON.createArrayNode();
		for (float value : vector) {
			values.add(value);
		}
		return values;
	}

	private static String base64(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			bytes.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(bytes.array());
	}
}
