package dev.parley.ai.provider;

import dev.parley.ai.ToolCall;
import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every adapter turns what a provider sent into a {@link ToolCall}, so that a malformed call
 * never breaks a stream:
 * <ul>
 * <li>a call without id (Gemini and Ollama never send one) gets one of ours, {@code call_<uuid>},
 * unique within the conversation, which its result then answers;</li>
 * <li>a call without name keeps an empty name, and arguments that are not valid JSON are kept as
 * the model wrote them: both are delivered, for whoever runs tools to refuse with a tool result
 * the model can read, rather than failing the whole generation;</li>
 * <li>blank arguments become {@code {}}.</li>
 * </ul>
 * Wire formats that carry arguments as a JSON object (Anthropic, Gemini, Ollama, Bedrock) cannot
 * replay arguments that are not one: such a call goes back to the provider with {@code {}}
 * ({@link #objectOrEmpty}), next to the result that says what was wrong.
 */
final class ToolCalls {

	static final String EMPTY_OBJECT = "{}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ToolCalls() {
	}

	static ToolCall of(@Nullable String id, @Nullable String name, String arguments) {
		String callId = id == null || id.isBlank() ? "call_" + Ids.next().toString().replace("-", "") : id;
		return new ToolCall(callId, name == null ? "" : name, arguments);
	}

	/** The arguments when they are a JSON object, else {@code {}}. */
	static String objectOrEmpty(String arguments) {
		JsonNode node = parse(arguments);
		return node != null && node.isObject() ? arguments : EMPTY_OBJECT;
	}

	/** The JSON text, parsed; {@code null} when it is not JSON at all. */
	static @Nullable JsonNode parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}
}
