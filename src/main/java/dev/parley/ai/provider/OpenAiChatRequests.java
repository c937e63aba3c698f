package dev.parley.ai.provider;

import java.util.Base64;

import dev.parley.ai.GenerationOptions;
import dev.parley.ai.PromptImage;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link ProviderCall} as the body of an OpenAI {@code POST /chat/completions}: the prompt (a
 * user's images as {@code image_url} parts with data URLs, an assistant's tool calls with their
 * arguments as the model wrote them, each tool result as a {@code tool} message), the tools with
 * their JSON Schemas, and the sampling and shaping options the call sets; nothing it does not set
 * (no default {@code max_tokens} beyond the call's own). A stream asks for its usage
 * ({@code stream_options.include_usage}).
 */
final class OpenAiChatRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

	private OpenAiChatRequests() {
	}

	/**
	 * @throws IllegalArgumentException when a tool's parameters or the output schema are not JSON
	 */
	static byte[] body(ProviderCall call) {
		ObjectNode body = JSON.createObjectNode();
		body.put("model", call.model());
		ArrayNode messages = body.putArray("messages");
		call.messages().forEach(message -> messages.add(message(message)));
		if (call.temperature() != null) {
			body.put("temperature", call.temperature());
		}
		body.put("max_tokens", call.maxTokens());
		if (call.streamed()) {
			body.put("stream", true);
			body.putObject("stream_options").put("include_usage", true);
		}
		options(body, call.options());
		if (!call.tools().isEmpty()) {
			ArrayNode tools = body.putArray("tools");
			call.tools().forEach(tool -> tools.add(tool(tool)));
			if (call.options().toolChoice() != null) {
				body.set("tool_choice", toolChoice(call.options().toolChoice()));
			}
			if (call.options().parallelToolCalls() != null) {
				body.put("parallel_tool_calls", call.options().parallelToolCalls());
			}
		}
		if (call.outputSchema() != null) {
			// Not strict: OpenAI's strict mode refuses schemas that do not list every property as required.
			ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
			schema.put("name", "answer").put("strict", false).set("schema", json(call.outputSchema()));
		}
		else if (call.options().jsonObject()) {
			body.putObject("response_format").put("type", "json_object");
		}
		return JSON.writeValueAsBytes(body);
	}

	private static void options(ObjectNode body, GenerationOptions options) {
		if (options.topP() != null) {
			body.put("top_p", options.topP());
		}
		if (options.frequencyPenalty() != null) {
			body.put("frequency_penalty", options.frequencyPenalty());
		}
		if (options.presencePenalty() != null) {
			body.put("presence_penalty", options.presencePenalty());
		}
		if (!options.stop().isEmpty()) {
			ArrayNode stop = body.putArray("stop");
			options.stop().forEach(stop::add);
		}
		if (options.seed() != null) {
			body.put("seed", options.seed());
		}
	}

	private static ObjectNode message(PromptMessage message) {
		ObjectNode node = JSON.createObjectNode();
		switch (message.role()) {
			case SYSTEM -> node.put("role", "system").put("content", message.content());
			case USER -> {
				node.put("role", "user");
				if (message.images().isEmpty()) {
					node.put("content", message.content());
				}
				else {
					ArrayNode parts = node.putArray("content");
					parts.addObject().put("type", "text").put("text", message.content());
					message.images().forEach(image -> parts.addObject()
						.put("type", "image_url")
						.putObject("image_url")
						.put("url", dataUrl(image)));
				}
			}
			case ASSISTANT -> {
				node.put("role", "assistant");
				if (message.content().isEmpty() && !message.toolCalls().isEmpty()) {
					node.putNull("content");
				}
				else {
					node.put("content", message.content());
				}
				if (!message.toolCalls().isEmpty()) {
					ArrayNode calls = node.putArray("tool_calls");
					message.toolCalls().forEach(call -> calls.add(toolCall(call)));
				}
			}
			case TOOL -> node.put("role", "tool")
				.put("tool_call_id", message.toolCallId() == null ? "" : message.toolCallId())
				.put("content", message.content());
		}
		return node;
	}

	private static ObjectNode toolCall(ToolCall call) {
		ObjectNode node = JSON.createObjectNode().put("id", call.id()).put("type", "function");
		node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
		return node;
	}

	private static ObjectNode tool(ToolDefinition tool) {
		ObjectNode node = JSON.createObjectNode().put("type", "function");
		ObjectNode function = node.putObject("function").put("name", tool.name());
		if (!tool.description().isBlank()) {
			function.put("description", tool.description());
		}
		function.set("parameters", json(tool.parametersSchema().isBlank() ? EMPTY_SCHEMA : tool.parametersSchema()));
		return node;
	}

	private static JsonNode toolChoice(GenerationOptions.ToolChoice choice) {
		return switch (choice.mode()) {
			case AUTO -> JSON.getNodeFactory().stringNode("auto");
			case NONE -> JSON.getNodeFactory().stringNode("none");
			case REQUIRED -> JSON.getNodeFactory().stringNode("required");
			case FUNCTION -> {
				ObjectNode node = JSON.createObjectNode().put("type", "function");
				node.putObject("function").put("name", choice.function());
				yield node;
			}
		};
	}

	private static String dataUrl(PromptImage image) {
		return "data:" + image.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image.data());
	}

	private static JsonNode json(String schema) {
		JsonNode node = ToolCalls.parse(schema);
		if (node == null) {
			throw new IllegalArgumentException("a schema is not JSON");
		}
		return node;
	}
}
