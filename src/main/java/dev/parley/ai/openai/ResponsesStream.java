package dev.parley.ai.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.StreamedGeneration;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bridged response streamed as the Responses API streams: {@code response.created},
 * {@code response.in_progress}; for text {@code response.output_item.added},
 * {@code response.content_part.added}, {@code response.output_text.delta}s,
 * {@code response.output_text.done}, {@code response.content_part.done},
 * {@code response.output_item.done}; for each function call {@code response.output_item.added},
 * {@code response.function_call_arguments.delta} (the provider port hands over a call whole, so
 * one), {@code .done} and {@code response.output_item.done}; then {@code response.completed} (or
 * {@code response.incomplete} when cut by {@code max_output_tokens}), or {@code response.failed}.
 * Every event carries {@code sequence_number} from 0. Buffered and written as every
 * {@link StreamedGeneration} is.
 */
final class ResponsesStream extends StreamedGeneration {

	private final ObjectNode response;

	private final ResponseObjects objects;

	private final JsonMapper json;

	private final ArrayNode output;

	private long sequence;

	private @Nullable String openMessageId;

	private final StringBuilder openText = new StringBuilder();

	private ResponsesStream(ObjectNode response, ResponseObjects objects, JsonMapper json) {
		this.response = response;
		this.objects = objects;
		this.json = json;
		this.output = json.createArrayNode();
	}

	static ResponsesStream start(Generations generations, GenerationRequest request, ObjectNode response,
			ResponseObjects objects, JsonMapper json) {
		ResponsesStream stream = new ResponsesStream(response, objects, json);
		stream.start(generations, request);
		return stream;
	}

	@Override
	protected void writeStart(OutputStream out) throws IOException {
		send(out, event("response.created").set("response", response.deepCopy()));
		send(out, event("response.in_progress").set("response", response.deepCopy()));
	}

	@Override
	protected void writeFailed(OutputStream out, GenerationFailed failure) throws IOException {
		response.put("status", "failed");
		response.putObject("error").put("code", "server_error").put("message", failure.getMessage());
		response.set("output", output);
		send(out, event("response.failed").set("response", response));
	}

	@Override
	protected void writeText(OutputStream out, String text) throws IOException {
		if (openMessageId == null) {
			openMessage(out);
		}
		openText.append(text);
		send(out, part("response.output_text.delta").put("delta", text).set("logprobs", json.createArrayNode()));
	}

	private void openMessage(OutputStream out) throws IOException {
		openMessageId = ResponseObjects.newId("msg");
		send(out, event("response.output_item.added").put("output_index", output.size())
			.set("item", objects.message(openMessageId, "", "in_progress")));
		send(out, part("response.content_part.added").set("part", objects.outputText("")));
	}

	private void closeMessage(OutputStream out) throws IOException {
		if (openMessageId == null) {
			return;
		}
		String text = openText.toString();
		send(out, part("response.output_text.done").put("text", text).set("logprobs", json.createArrayNode()));
		send(out, part("response.content_part.done").set("part", objects.outputText(text)));
		ObjectNode item = objects.message(openMessageId, text, "completed");
		send(out, event("response.output_item.done").put("output_index", output.size()).set("item", item));
		output.add(item);
		openMessageId = null;
		openText.setLength(0);
	}

	@Override
	protected void writeToolCall(OutputStream out, ToolCall call) throws IOException {
		closeMessage(out);
		String id = ResponseObjects.newId("fc");
		int index = output.size();
		send(out, event("response.output_item.added").put("output_index", index)
			.set("item", objects.functionCall(id, call, "in_progress")));
		send(out, event("response.function_call_arguments.delta").put("item_id", id).put("output_index", index)
			.put("delta", call.arguments()));
		send(out, event("response.function_call_arguments.done").put("item_id", id).put("output_index", index)
			.put("name", call.name())
			.put("arguments", call.arguments()));
		ObjectNode item = objects.functionCall(id, call, "completed");
		send(out, event("response.output_item.done").put("output_index", index).set("item", item));
		output.add(item);
	}

	@Override
	protected void writeCompleted(OutputStream out, GenerationResult result) throws IOException {
		if (output.isEmpty() && openMessageId == null) {
			openMessage(out);
		}
		closeMessage(out);
		boolean cut = "length".equals(result.finishReason());
		response.put("status", cut ? "incomplete" : "completed");
		if (cut) {
			response.putObject("incomplete_details").put("reason", "max_output_tokens");
		}
		response.set("output", output);
		response.set("usage", objects.usage(result.usage()));
		send(out, event(cut ? "response.incomplete" : "response.completed").set("response", response));
	}

	/** An event about the open message's one content part. */
	private ObjectNode part(String type) {
		return event(type).put("item_id", openMessageId).put("output_index", output.size()).put("content_index", 0);
	}

	private ObjectNode event(String type) {
		return json.createObjectNode().put("type", type).put("sequence_number", sequence++);
	}

	private void send(OutputStream out, ObjectNode data) throws IOException {
		out.write(("event: " + data.get("type").asString() + "\ndata: " + json.writeValueAsString(data) + "\n\n")
			.getBytes(StandardCharsets.UTF_8));
	}
}
