package dev.parley.ai.fake;

import java.util.List;

/**
 * OpenAI's Responses API ({@code POST /v1/responses}) as OpenAI answers it, with a field no SDK knows
 * ({@code x_upstream_only}) so that a pass-through can be seen to keep it: a whole response, and a
 * stream of its events ({@code event:} and {@code data:} lines) ending with {@code response.completed}.
 */
public final class ResponsesWire {

	public static final int INPUT_TOKENS = 21;

	public static final int OUTPUT_TOKENS = 2;

	private ResponsesWire() {
	}

	public static Reply json(String text) {
		return Reply.json(200, response("completed", text));
	}

	public static Reply stream(String first, String second) {
		String created = response("in_progress", null);
		String completed = response("completed", first + second);
		return Reply.stream("text/event-stream", List.of(
				event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":" + created + "}"),
				event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":1,"
						+ "\"item_id\":\"msg_up\",\"output_index\":0,\"content_index\":0,\"delta\":" + Json.string(first)
						+ ",\"logprobs\":[],\"obfuscation\":\"x1\"}"),
				event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":2,"
						+ "\"item_id\":\"msg_up\",\"output_index\":0,\"content_index\":0,\"delta\":" + Json.string(second)
						+ ",\"logprobs\":[],\"obfuscation\":\"x2\"}"),
				event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":3,\"response\":" + completed + "}")));
	}

	public static Reply error(int status, String message, String param) {
		return Reply.json(status, "{\"error\":{\"message\":" + Json.string(message) + ",\"type\":\"invalid_request_error\","
				+ "\"param\":" + Json.string(param) + ",\"code\":\"unknown_parameter\"}}");
	}

	private static String event(String type, String data) {
		return "event: " + type + "\ndata: " + data + "\n\n";
	}

	private static String response(String status, String text) {
		String output = text == null ? "[]"
				: "[{\"type\":\"message\",\"id\":\"msg_up\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":"
						+ "[{\"type\":\"output_text\",\"text\":" + Json.string(text) + ",\"annotations\":[]}]}]";
		String usage = text == null ? "null"
				: "{\"input_tokens\":" + INPUT_TOKENS + ",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":"
						+ OUTPUT_TOKENS + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":"
						+ (INPUT_TOKENS + OUTPUT_TOKENS) + "}";
		return "{\"id\":\"resp_up\",\"object\":\"response\",\"created_at\":1700000000,\"status\":\"" + status + "\","
				+ "\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":" + output + ",\"usage\":" + usage
				+ ",\"x_upstream_only\":{\"kept\":true}}";
	}
}
