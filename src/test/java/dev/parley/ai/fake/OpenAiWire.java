package dev.parley.ai.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.parley.ai.ToolCall;

/**
 * OpenAI's chat-completions wire format ({@code POST /v1/chat/completions}): whole JSON answers,
 * and SSE streams of {@code chat.completion.chunk}s with a final usage chunk and {@code [DONE]}.
 */
public final class OpenAiWire {

	public static final int PROMPT_TOKENS = 11;

	private OpenAiWire() {
	}

	/** Answers every request with these words: streamed when asked to, else as one JSON. */
	public static Function<FakeProvider.Received, Reply> answering(String... deltas) {
		return request -> request.streaming() ? stream(deltas) : json(String.join("", deltas), deltas.length);
	}

	public static Reply json(String content) {
		return json(content, 1);
	}

	/** A whole answer whose usage counts these completion tokens. */
	public static Reply json(String content, int completionTokens) {
		return Reply.json(200, """
				{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"fake",
				"choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
				"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
			.formatted(Json.string(content), PROMPT_TOKENS, completionTokens, PROMPT_TOKENS + completionTokens).replace("\n", ""));
	}

	/** A stream of these deltas, finished with {@code stop} and usage (completion tokens = deltas). */
	public static Reply stream(String... deltas) {
		List<String> events = new ArrayList<>(textEvents(deltas));
		events.add(chunk("{}", "\"stop\""));
		events.add(usage(deltas.length));
		events.add("data: [DONE]\n\n");
		return Reply.stream("text/event-stream", events);
	}

	/** Some text, then a streamed tool call, finished with {@code tool_calls} and usage. */
	public static Reply streamWithToolCall(String... deltas) {
		List<String> events = new ArrayList<>(textEvents(deltas));
		events.add(chunk("""
				{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"lookup","arguments":""}}]}""",
				"null"));
		events.add(chunk("""
				{"tool_calls":[{"index":0,"function":{"arguments":"{\\"q\\":"}}]}""", "null"));
		events.add(chunk("""
				{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]}""", "null"));
		events.add(chunk("{}", "\"tool_calls\""));
		events.add(usage(deltas.length + 3));
		events.add("data: [DONE]\n\n");
		return Reply.stream("text/event-stream", events);
	}

	/**
	 * A stream in which the model calls these tools (an empty id is left out, as a broken server
	 * would): each call opens with its id and name, then its arguments arrive in two pieces. The
	 * pieces of parallel calls interleave, as OpenAI sends them. Finished with {@code tool_calls}.
	 */
	public static Reply streamToolCalls(ToolCall... calls) {
		List<String> events = new ArrayList<>(textEvents());
		for (int i = 0; i < calls.length; i++) {
			events.add(chunk("{\"tool_calls\":[{\"index\":" + i + idField(calls[i]) + ",\"type\":\"function\","
					+ "\"function\":{\"name\":" + Json.string(calls[i].name()) + ",\"arguments\":\"\"}}]}", "null"));
		}
		for (int half = 0; half < 2; half++) {
			for (int i = 0; i < calls.length; i++) {
				String arguments = calls[i].arguments();
				String piece = half == 0 ? arguments.substring(0, arguments.length() / 2)
						: arguments.substring(arguments.length() / 2);
				events.add(chunk("{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":"
						+ Json.string(piece) + "}}]}", "null"));
			}
		}
		events.add(chunk("{}", "\"tool_calls\""));
		events.add(usage(calls.length));
		events.add("data: [DONE]\n\n");
		return Reply.stream("text/event-stream", events);
	}

	/** A whole answer in which the model calls these tools, finished with {@code tool_calls}. */
	public static Reply jsonToolCalls(ToolCall... calls) {
		List<String> toolCalls = new ArrayList<>();
		for (ToolCall call : calls) {
			toolCalls.add("{\"type\":\"function\"" + idField(call) + ",\"function\":{\"name\":"
					+ Json.string(call.name()) + ",\"arguments\":" + Json.string(call.arguments()) + "}}");
		}
		return Reply.json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
				+ "\"model\":\"fake\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
				+ "\"tool_calls\":[" + String.join(",", toolCalls) + "]},\"finish_reason\":\"tool_calls\"}],"
				+ "\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + calls.length
				+ ",\"total_tokens\":" + (PROMPT_TOKENS + calls.length) + "}}");
	}

	private static String idField(ToolCall call) {
		return call.id().isEmpty() ? "" : ",\"id\":" + Json.string(call.id());
	}

	/** These deltas, then the connection drops. */
	public static Reply brokenStream(String... deltas) {
		return Reply.stream("text/event-stream", textEvents(deltas)).brokenOff();
	}

	public static Reply error(int status, String type) {
		return Reply.json(status, """
				{"error":{"message":"Incorrect API key provided: sk-te***ey","type":%s,"param":null,"code":null}}"""
			.formatted(Json.string(type)));
	}

	private static List<String> textEvents(String... deltas) {
		List<String> events = new ArrayList<>();
		events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
		for (String delta : deltas) {
			events.add(chunk("{\"content\":" + Json.string(delta) + "}", "null"));
		}
		return events;
	}

	private static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\","
				+ "\"choices\":[{\"index\":0,\"delta\":" + delta.strip() + ",\"finish_reason\":" + finishReason + "}]}\n\n";
	}

	private static String usage(int completionTokens) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake\","
				+ "\"choices\":[],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":" + completionTokens
				+ ",\"total_tokens\":" + (PROMPT_TOKENS + completionTokens) + "}}\n\n";
	}
}
