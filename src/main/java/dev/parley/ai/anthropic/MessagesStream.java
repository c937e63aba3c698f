package dev.parley.ai.anthropic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.StreamedGeneration;
import dev.parley.ai.ToolCall;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A streamed message in Anthropic's events: {@code message_start}, {@code ping}, then content blocks
 * ({@code content_block_start}, {@code content_block_delta} with {@code text_delta} or
 * {@code input_json_delta}, {@code content_block_stop}), then {@code message_delta} with the stop
 * reason and usage, and {@code message_stop}. A tool call arrives whole from the provider port, so its
 * input is one {@code input_json_delta}. A generation that fails ends the stream with an
 * {@code error} event. Buffered and written as every {@link StreamedGeneration} is.
 */
final class MessagesStream extends StreamedGeneration {

	private final String id;

	private final String model;

	private final JsonMapper json;

	/** The index of the next content block, and whether a text block is open. */
	private int nextBlock;

	private boolean textOpen;

	private MessagesStream(String id, String model, JsonMapper json) {
		this.id = id;
		this.model = model;
		this.json = json;
	}

	static MessagesStream start(Generations generations, GenerationRequest request, String id, String model,
			JsonMapper json) {
		MessagesStream stream = new MessagesStream(id, model, json);
		stream.start(generations, request);
		return stream;
	}

	@Override
	protected void writeStart(OutputStream out) throws IOException {
		ObjectNode message = json.createObjectNode()
			.put("id", id)
			.put("type", "message")
			.put("role", "assistant")
			.put("model", model)
			.putNull("stop_reason")
			.putNull("stop_sequence");
		message.putArray("content");
		message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
		ObjectNode start = event("message_start");
		start.set("message", message);
		send(out, start);
		send(out, event("ping"));
	}

	@Override
	protected void writeFailed(OutputStream out, GenerationFailed failure) throws IOException {
		AnthropicError error = AnthropicError.of(failure);
		out.write(("event: error\ndata: " + json.writeValueAsString(error) + "\n\n").getBytes(StandardCharsets.UTF_8));
	}

	@Override
	protected void writeText(OutputStream out, String text) throws IOException {
		if (!textOpen) {
			ObjectNode start = event("content_block_start").put("index", nextBlock);
			start.putObject("content_block").put("type", "text").put("text", "");
			send(out, start);
			textOpen = true;
		}
		ObjectNode delta = event("content_block_delta").put("index", nextBlock);
		delta.putObject("delta").put("type", "text_delta").put("text", text);
		send(out, delta);
	}

	@Override
	protected void writeToolCall(OutputStream out, ToolCall call) throws IOException {
		closeText(out);
		ObjectNode start = event("content_block_start").put("index", nextBlock);
		ObjectNode block = start.putObject("content_block").put("type", "tool_use").put("id", call.id()).put("name", call.name());
		block.putObject("input");
		send(out, start);
		ObjectNode delta = event("content_block_delta").put("index", nextBlock);
		delta.putObject("delta")
			.put("type", "input_json_delta")
			.put("partial_json", AnthropicMessage.ToolUseBlock.input(call.arguments(), json).toString());
		send(out, delta);
		send(out, event("content_block_stop").put("index", nextBlock++));
	}

	private void closeText(OutputStream out) throws IOException {
		if (textOpen) {
			send(out, event("content_block_stop").put("index", nextBlock++));
			textOpen = false;
		}
	}

	@Override
	protected void writeCompleted(OutputStream out, GenerationResult result) throws IOException {
		if (nextBlock == 0 && !textOpen) {
			// Anthropic always answers with at least one block.
			ObjectNode start = event("content_block_start").put("index", 0);
			start.putObject("content_block").put("type", "text").put("text", "");
			send(out, start);
			textOpen = true;
		}
		closeText(out);
		ObjectNode delta = event("message_delta");
		delta.putObject("delta").put("stop_reason", AnthropicMessage.stopReason(result.finishReason())).putNull("stop_sequence");
		delta.putObject("usage")
			.put("input_tokens", result.usage().promptTokens())
			.put("output_tokens", result.usage().completionTokens());
		send(out, delta);
		send(out, event("message_stop"));
	}

	private ObjectNode event(String type) {
		return json.createObjectNode().put("type", type);
	}

	private void send(OutputStream out, ObjectNode data) throws IOException {
		out.write(("event: " + data.get("type").asString() + "\ndata: " + json.writeValueAsString(data) + "\n\n")
			.getBytes(StandardCharsets.UTF_8));
	}
}
