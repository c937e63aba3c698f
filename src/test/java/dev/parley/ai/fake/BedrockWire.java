package dev.parley.ai.fake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.parley.ai.ToolCall;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Amazon Bedrock's {@code POST /model/<model-id>/converse-stream}: an AWS event stream (binary
 * frames with a prelude, headers and CRCs) of {@code messageStart}, content block start, delta and
 * stop events (text, or tool use with its input in pieces), {@code messageStop} with the stop
 * reason, and {@code metadata} with the usage.
 */
public final class BedrockWire {

	public static final int INPUT_TOKENS = 9;

	private BedrockWire() {
	}

	public static Function<FakeProvider.Received, Reply> answering(String... deltas) {
		return request -> stream(deltas);
	}

	public static Reply stream(String... deltas) {
		List<byte[]> events = new ArrayList<>();
		events.add(event("messageStart", "{\"role\":\"assistant\"}"));
		for (String delta : deltas) {
			events.add(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":" + Json.string(delta) + "}}"));
		}
		events.add(event("contentBlockStop", "{\"contentBlockIndex\":0}"));
		events.addAll(end("end_turn", deltas.length));
		return Reply.binary("application/vnd.amazon.eventstream", events);
	}

	/**
	 * Text (when not empty), then one tool use block per call: its id and name in the block's
	 * start, its input in two delta pieces. Stops for {@code tool_use}.
	 */
	public static Reply streamToolUses(String text, ToolCall... calls) {
		List<byte[]> events = new ArrayList<>();
		events.add(event("messageStart", "{\"role\":\"assistant\"}"));
		int index = 0;
		if (!text.isEmpty()) {
			events.add(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":" + Json.string(text) + "}}"));
			events.add(event("contentBlockStop", "{\"contentBlockIndex\":0}"));
			index++;
		}
		for (ToolCall call : calls) {
			events.add(event("contentBlockStart", "{\"contentBlockIndex\":" + index + ",\"start\":{\"toolUse\":{"
					+ "\"toolUseId\":" + Json.string(call.id()) + ",\"name\":" + Json.string(call.name()) + "}}}"));
			String input = call.arguments();
			for (String piece : List.of(input.substring(0, input.length() / 2), input.substring(input.length() / 2))) {
				events.add(event("contentBlockDelta", "{\"contentBlockIndex\":" + index + ",\"delta\":{\"toolUse\":{"
						+ "\"input\":" + Json.string(piece) + "}}}"));
			}
			events.add(event("contentBlockStop", "{\"contentBlockIndex\":" + index++ + "}"));
		}
		events.addAll(end("tool_use", calls.length));
		return Reply.binary("application/vnd.amazon.eventstream", events);
	}

	private static List<byte[]> end(String stopReason, int outputTokens) {
		return List.of(event("messageStop", "{\"stopReason\":\"" + stopReason + "\"}"),
				event("metadata", "{\"usage\":{\"inputTokens\":" + INPUT_TOKENS + ",\"outputTokens\":" + outputTokens
						+ ",\"totalTokens\":" + (INPUT_TOKENS + outputTokens) + "},\"metrics\":{\"latencyMs\":5}}"));
	}

	private static byte[] event(String type, String json) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":event-type", HeaderValue.fromString(type));
		headers.put(":content-type", HeaderValue.fromString("application/json"));
		headers.put(":message-type", HeaderValue.fromString("event"));
		ByteBuffer frame = new Message(headers, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
		byte[] bytes = new byte[frame.remaining()];
		frame.get(bytes);
		return bytes;
	}
}
