package dev.parley.ai.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.parley.ai.ToolCall;

/**
 * Anthropic's messages wire format ({@code POST /v1/messages}): whole JSON messages, and SSE
 * streams of {@code message_start}, content blocks (text and tool use), {@code message_delta}
 * with the stop reason and usage, and {@code message_stop}.
 */
public final class AnthropicWire {

	public static final int INPUT_TOKENS = 13;

	private AnthropicWire() {
	}

	public static Function<FakeProvider.Received, Reply> answering(String... deltas) {
		return request -> request.streaming() ? stream(deltas) : json(String.join("", deltas), deltas.length);
	}

	public static Reply json(String text) {
		return json(text, 1);
	}

	/** A whole answer whose usage counts these output tokens. */
	public static Reply json(String text, int outputTokens) {
		return Reply.json(200, ("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-fake\","
				+ "\"content\":[{\"type\":\"text\",\"text\":" + Json.string(text) + "}],\"stop_reason\":\"end_turn\","
				+ "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + INPUT_TOKENS + ",\"output_tokens\":" + outputTokens + "}}"));
	}

	public static Reply stream(String... deltas) {
		List<String> events = new ArrayList<>();
		events.add(messageStart());
		events.addAll(textBlock(0, deltas));
		events.add(messageEnd("end_turn", deltas.length));
		return Reply.stream("text/event-stream", events);
	}

	/** Text, then a tool use block with streamed JSON input, stopping for {@code tool_use}. */
	public static Reply streamWithToolUse(String... deltas) {
		List<String> events = new ArrayList<>();
		events.add(messageStart());
		events.addAll(textBlock(0, deltas));
		events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
				+ "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"lookup\",\"input\":{}}}"));
		events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
				+ "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"q\\\": 1}\"}}"));
		events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"));
		events.add(messageEnd("tool_use", deltas.length + 4));
		return Reply.stream("text/event-stream", events);
	}

	/**
	 * Text (when not empty), then one {@code tool_use} block per call, its input streamed as
	 * {@code input_json_delta} in two pieces; stops for {@code tool_use}.
	 */
	public static Reply streamToolUses(String text, ToolCall... calls) {
		List<String> events = new ArrayList<>();
		events.add(messageStart());
		int index = 0;
		if (!text.isEmpty()) {
			events.addAll(textBlock(index++, text));
		}
		for (ToolCall call : calls) {
			String input = call.arguments();
			events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
					+ ",\"content_block\":{\"type\":\"tool_use\",\"id\":" + Json.string(call.id()) + ",\"name\":"
					+ Json.string(call.name()) + ",\"input\":{}}}"));
			for (String piece : List.of(input.substring(0, input.length() / 2), input.substring(input.length() / 2))) {
				events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
						+ ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + Json.string(piece) + "}}"));
			}
			events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index++ + "}"));
		}
		events.add(messageEnd("tool_use", calls.length));
		return Reply.stream("text/event-stream", events);
	}

	/** A whole message: text (when not empty) and one {@code tool_use} block per call (JSON input). */
	public static Reply jsonToolUses(String text, ToolCall... calls) {
		List<String> blocks = new ArrayList<>();
		if (!text.isEmpty()) {
			blocks.add("{\"type\":\"text\",\"text\":" + Json.string(text) + "}");
		}
		for (ToolCall call : calls) {
			blocks.add("{\"type\":\"tool_use\",\"id\":" + Json.string(call.id()) + ",\"name\":" + Json.string(call.name())
					+ ",\"input\":" + call.arguments() + "}");
		}
		return Reply.json(200, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-fake\","
				+ "\"content\":[" + String.join(",", blocks) + "],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,"
				+ "\"usage\":{\"input_tokens\":" + INPUT_TOKENS + ",\"output_tokens\":" + calls.length + "}}");
	}

	public static Reply error(int status, String type) {
		return Reply.json(status, "{\"type\":\"error\",\"error\":{\"type\":" + Json.string(type)
				+ ",\"message\":\"nope\"}}");
	}

	private static String messageStart() {
		return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
				+ "\"role\":\"assistant\",\"model\":\"claude-fake\",\"content\":[],\"stop_reason\":null,"
				+ "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + INPUT_TOKENS + ",\"output_tokens\":1}}}");
	}

	private static List<String> textBlock(int index, String... deltas) {
		List<String> events = new ArrayList<>();
		events.add(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
				+ ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
		for (String delta : deltas) {
			events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
					+ ",\"delta\":{\"type\":\"text_delta\",\"text\":" + Json.string(delta) + "}}"));
		}
		events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}"));
		return events;
	}

	private static String messageEnd(String stopReason, int outputTokens) {
		return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
				+ "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}")
				+ event("message_stop", "{\"type\":\"message_stop\"}");
	}

	private static String event(String name, String data) {
		return "event: " + name + "\ndata: " + data + "\n\n";
	}
}
