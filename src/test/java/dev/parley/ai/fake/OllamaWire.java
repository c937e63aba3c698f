package dev.parley.ai.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.parley.ai.ToolCall;

/** Ollama's {@code POST /api/chat}: NDJSON lines, the last one {@code done} with counts. */
public final class OllamaWire {

	public static final int PROMPT_EVAL_COUNT = 7;

	private OllamaWire() {
	}

	public static Function<FakeProvider.Received, Reply> answering(String... deltas) {
		return request -> request.body().replace(" ", "").contains("\"stream\":false") ? json(deltas) : stream(deltas);
	}

	/** The whole answer as one JSON object ({@code "stream": false}). */
	public static Reply json(String... deltas) {
		return Reply.json(200, "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":{\"role\":"
				+ "\"assistant\",\"content\":" + Json.string(String.join("", deltas)) + "},\"done\":true,"
				+ "\"done_reason\":\"stop\",\"prompt_eval_count\":" + PROMPT_EVAL_COUNT + ",\"eval_count\":" + deltas.length + "}");
	}

	/** A stream whose first line carries these tool calls (object arguments, no ids), then the {@code done} line. */
	public static Reply streamToolCalls(ToolCall... calls) {
		return Reply.stream("application/x-ndjson", List.of(
				"{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
						+ "\"content\":\"\",\"tool_calls\":" + toolCalls(calls) + "},\"done\":false}\n",
				"{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\","
						+ "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":" + PROMPT_EVAL_COUNT
						+ ",\"eval_count\":" + calls.length + "}\n"));
	}

	/** The whole answer calling these tools ({@code "stream": false}). */
	public static Reply jsonToolCalls(ToolCall... calls) {
		return Reply.json(200, "{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":{\"role\":"
				+ "\"assistant\",\"content\":\"\",\"tool_calls\":" + toolCalls(calls) + "},\"done\":true,"
				+ "\"done_reason\":\"stop\",\"prompt_eval_count\":" + PROMPT_EVAL_COUNT + ",\"eval_count\":" + calls.length + "}");
	}

	private static String toolCalls(ToolCall... calls) {
		List<String> out = new ArrayList<>();
		for (ToolCall call : calls) {
			out.add("{\"function\":{\"name\":" + Json.string(call.name()) + ",\"arguments\":" + call.arguments() + "}}");
		}
		return "[" + String.join(",", out) + "]";
	}

	public static Reply stream(String... deltas) {
		List<String> lines = new ArrayList<>();
		for (String delta : deltas) {
			lines.add("{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
					+ "\"content\":" + Json.string(delta) + "},\"done\":false}\n");
		}
		lines.add("{\"model\":\"llama3.2\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\","
				+ "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":1000,\"load_duration\":10,"
				+ "\"prompt_eval_count\":" + PROMPT_EVAL_COUNT + ",\"prompt_eval_duration\":10,\"eval_count\":"
				+ deltas.length + ",\"eval_duration\":10}\n");
		return Reply.stream("application/x-ndjson", lines);
	}
}
