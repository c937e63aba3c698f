package dev.parley.ai.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.parley.ai.ToolCall;

/**
 * Google's Gemini API {@code POST /v1beta/models/<model>:streamGenerateContent?alt=sse}: SSE
 * {@code data:} lines of {@code GenerateContentResponse}s, the last with {@code finishReason}.
 */
public final class GeminiWire {

	public static final int PROMPT_TOKENS = 5;

	private GeminiWire() {
	}

	public static Function<FakeProvider.Received, Reply> answering(String... deltas) {
		return request -> request.uri().contains(":generateContent") ? json(deltas) : stream(deltas);
	}

	/** The whole answer, {@code POST /v1beta/models/<model>:generateContent}. */
	public static Reply json(String... deltas) {
		return Reply.json(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + Json.string(String.join("", deltas))
				+ "}],\"role\":\"model\"},\"index\":0,\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":"
				+ PROMPT_TOKENS + ",\"candidatesTokenCount\":" + deltas.length + ",\"totalTokenCount\":"
				+ (PROMPT_TOKENS + deltas.length) + "},\"modelVersion\":\"gemini-fake\"}");
	}

	/** A stream of one event per call ({@code functionCall} parts carry no id), the last with {@code STOP}. */
	public static Reply streamFunctionCalls(ToolCall... calls) {
		List<String> events = new ArrayList<>();
		for (int i = 0; i < calls.length; i++) {
			boolean last = i == calls.length - 1;
			events.add("data: {\"candidates\":[{\"content\":{\"parts\":[" + functionCall(calls[i])
					+ "],\"role\":\"model\"},\"index\":0" + (last ? ",\"finishReason\":\"STOP\"" : "") + "}],"
					+ "\"usageMetadata\":{\"promptTokenCount\":" + PROMPT_TOKENS + ",\"candidatesTokenCount\":" + (i + 1)
					+ ",\"totalTokenCount\":" + (PROMPT_TOKENS + i + 1) + "},\"modelVersion\":\"gemini-fake\"}\r\n\r\n");
		}
		return Reply.stream("text/event-stream", events);
	}

	/** The whole answer calling these tools, all {@code functionCall} parts of one candidate. */
	public static Reply jsonFunctionCalls(ToolCall... calls) {
		List<String> parts = new ArrayList<>();
		for (ToolCall call : calls) {
			parts.add(functionCall(call));
		}
		return Reply.json(200, "{\"candidates\":[{\"content\":{\"parts\":[" + String.join(",", parts)
				+ "],\"role\":\"model\"},\"index\":0,\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":"
				+ PROMPT_TOKENS + ",\"candidatesTokenCount\":" + calls.length + ",\"totalTokenCount\":"
				+ (PROMPT_TOKENS + calls.length) + "},\"modelVersion\":\"gemini-fake\"}");
	}

	private static String functionCall(ToolCall call) {
		return "{\"functionCall\":{\"name\":" + Json.string(call.name()) + ",\"args\":" + call.arguments() + "}}";
	}

	public static Reply stream(String... deltas) {
		List<String> events = new ArrayList<>();
		for (int i = 0; i < deltas.length; i++) {
			boolean last = i == deltas.length - 1;
			events.add("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + Json.string(deltas[i])
					+ "}],\"role\":\"model\"},\"index\":0" + (last ? ",\"finishReason\":\"STOP\"" : "") + "}],"
					+ "\"usageMetadata\":{\"promptTokenCount\":" + PROMPT_TOKENS + ",\"candidatesTokenCount\":" + (i + 1)
					+ ",\"totalTokenCount\":" + (PROMPT_TOKENS + i + 1) + "},\"modelVersion\":\"gemini-fake\"}\r\n\r\n");
		}
		return Reply.stream("text/event-stream", events);
	}
}
