package dev.parley.ai.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.ai.GenerationRequest;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/responses} (OpenAI's Responses API) read into a generation, for the
 * providers it is bridged to. Honoured: {@code input} (a string, or message items with text
 * content, {@code function_call} and {@code function_call_output} items), {@code instructions},
 * {@code tools} (functions), {@code tool_choice} {@code auto}/{@code none}, {@code text.format}
 * ({@code text}, {@code json_schema}, {@code json_object}), {@code max_output_tokens},
 * {@code temperature}, {@code stream}, {@code metadata} (echoed), {@code parallel_tool_calls: true},
 * {@code store: false}. Everything else, {@code previous_response_id} and {@code store: true}
 * included (Parley stores no responses), is refused with a 400 naming it.
 *
 * @param body the request as sent, for the fields the response echoes
 * @param stream whether to answer with Server-Sent Events
 * @param generation what to generate
 */
record ResponsesRequest(JsonNode body, boolean stream, GenerationRequest generation) {

	private static final Set<String> FIELDS = Set.of("model", "input", "instructions", "tools", "tool_choice", "text",
			"max_output_tokens", "temperature", "stream", "metadata", "parallel_tool_calls", "store", "user");

	static ResponsesRequest read(JsonNode body, UUID userId) {
		if (!body.isObject()) {
			throw new InvalidChatRequest("body", "The body must be a JSON object.");
		}
		for (String field : body.propertyNames()) {
			if (!FIELDS.contains(field) && !body.get(field).isNull()) {
				throw new InvalidChatRequest(field, "'" + field + "' is not supported by this server"
						+ (field.equals("previous_response_id") ? ": it stores no responses; send the whole input." : "."));
			}
		}
		if (body.path("store").asBoolean(false)) {
			throw new InvalidChatRequest("store", "This server stores no responses: send store=false or leave it out.");
		}
		if (body.has("parallel_tool_calls") && !body.get("parallel_tool_calls").asBoolean(true)) {
			throw new InvalidChatRequest("parallel_tool_calls", "Only parallel_tool_calls=true is supported.");
		}
		String model = string(body.get("model"), "model");
		List<PromptMessage> prompt = new ArrayList<>();
		JsonNode instructions = body.get("instructions");
		if (instructions != null && !instructions.isNull()) {
			prompt.add(PromptMessage.system(string(instructions, "instructions")));
		}
		prompt.addAll(input(body.get("input")));
		Integer maxTokens = positive(body.get("max_output_tokens"), "max_output_tokens");
		Double temperature = null;
		JsonNode t = body.get("temperature");
		if (t != null && !t.isNull()) {
			if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 2) {
				throw new InvalidChatRequest("temperature", "Must be a number from 0 to 2.");
			}
			temperature = t.asDouble();
		}
		List<ToolDefinition> tools = offersTools(body.get("tool_choice")) ? tools(body.get("tools")) : List.of();
		JsonNode stream = body.get("stream");
		return new ResponsesRequest(body, stream != null && stream.asBoolean(false),
				new GenerationRequest(userId, model, prompt, temperature, maxTokens, null, tools, outputSchema(body.get("text"))));
	}

	private static List<PromptMessage> input(@Nullable JsonNode input) {
		if (input == null || input.isNull()) {
			throw new InvalidChatRequest("input", "Field required: a string or an array of input items.");
		}
		if (input.isString()) {
			return List.of(PromptMessage.user(input.asString()));
		}
		if (!input.isArray() || input.isEmpty()) {
			throw new InvalidChatRequest("input", "Must be a string or a non-empty array of input items.");
		}
		List<PromptMessage> prompt = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			JsonNode item = input.get(i);
			String path = "input[" + i + "]";
			String type = item.path("type").asString(item.has("role") ? "message" : "");
			switch (type) {
				case "message" -> prompt.add(message(item, path));
				case "function_call" -> {
					ToolCall call = new ToolCall(string(item.get("call_id"), path + ".call_id"),
							string(item.get("name"), path + ".name"), item.path("arguments").asString("{}"));
					// Parallel calls are consecutive items; they belong to one assistant turn.
					PromptMessage last = prompt.isEmpty() ? null : prompt.getLast();
					if (last != null && last.role() == PromptMessage.Role.ASSISTANT && !last.toolCalls().isEmpty()) {
						List<ToolCall> calls = new ArrayList<>(last.toolCalls());
						calls.add(call);
						prompt.set(prompt.size() - 1, PromptMessage.assistant(last.content(), calls));
					}
					else if (last != null && last.role() == PromptMessage.Role.ASSISTANT) {
						prompt.set(prompt.size() - 1, PromptMessage.assistant(last.content(), List.of(call)));
					}
					else {
						prompt.add(PromptMessage.assistant("", List.of(call)));
					}
				}
				case "function_call_output" -> prompt.add(PromptMessage.tool(string(item.get("call_id"), path + ".call_id"),
						text(item.get("output"), path + ".output")));
				default -> throw new InvalidChatRequest(path + ".type", "Unsupported input item type '" + type
						+ "': use message, function_call or function_call_output.");
			}
		}
		return prompt;
	}

	private static PromptMessage message(JsonNode item, String path) {
		PromptMessage.Role role = switch (item.path("role").asString("")) {
			case "system", "developer" -> PromptMessage.Role.SYSTEM;
			case "user" -> PromptMessage.Role.USER;
			case "assistant" -> PromptMessage.Role.ASSISTANT;
			default -> throw new InvalidChatRequest(path + ".role", "Must be user, assistant, system or developer.");
		};
		return new PromptMessage(role, text(item.get("content"), path + ".content"));
	}

	/** A string, or an array of {@code input_text}/{@code output_text} parts. */
	private static String text(@Nullable JsonNode content, String path) {
		if (content != null && content.isString()) {
			return content.asString();
		}
		if (content == null || !content.isArray()) {
			throw new InvalidChatRequest(path, "Must be a string or an array of text parts.");
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			JsonNode part = content.get(i);
			String type = part.path("type").asString("");
			if (!type.equals("input_text") && !type.equals("output_text")) {
				throw new InvalidChatRequest(path + "[" + i + "].type",
						"Unsupported content part '" + type + "': only input_text and output_text are supported.");
			}
			parts.add(string(part.get("text"), path + "[" + i + "].text"));
		}
		return String.join("\n", parts);
	}

	private static boolean offersTools(@Nullable JsonNode choice) {
		if (choice == null || choice.isNull()) {
			return true;
		}
		return switch (choice.isString() ? choice.asString() : "forced") {
			case "auto" -> true;
			case "none" -> false;
			default -> throw new InvalidChatRequest("tool_choice",
					"Forcing a tool call is not supported by this server yet: use 'auto' or 'none'.");
		};
	}

	private static List<ToolDefinition> tools(@Nullable JsonNode tools) {
		if (tools == null || tools.isNull()) {
			return List.of();
		}
		if (!tools.isArray()) {
			throw new InvalidChatRequest("tools", "Must be an array of tools.");
		}
		List<ToolDefinition> definitions = new ArrayList<>();
		for (int i = 0; i < tools.size(); i++) {
			JsonNode tool = tools.get(i);
			if (!"function".equals(tool.path("type").asString(""))) {
				throw new InvalidChatRequest("tools[" + i + "].type", "Only function tools are supported.");
			}
			JsonNode parameters = tool.get("parameters");
			definitions.add(new ToolDefinition(string(tool.get("name"), "tools[" + i + "].name"),
					tool.path("description").asString(""),
					parameters == null || parameters.isNull() ? "" : parameters.toString()));
		}
		return definitions;
	}

	private static @Nullable String outputSchema(@Nullable JsonNode text) {
		if (text == null || text.isNull()) {
			return null;
		}
		for (String field : text.propertyNames()) {
			if (!field.equals("format")) {
				throw new InvalidChatRequest("text." + field, "Not supported by this server.");
			}
		}
		JsonNode format = text.path("format");
		return switch (format.path("type").asString("text")) {
			case "text" -> null;
			case "json_object" -> "{\"type\":\"object\"}";
			case "json_schema" -> {
				JsonNode schema = format.get("schema");
				if (schema == null || !schema.isObject()) {
					throw new InvalidChatRequest("text.format.schema", "Field required: a JSON Schema object.");
				}
				yield schema.toString();
			}
			default -> throw new InvalidChatRequest("text.format.type", "Must be text, json_schema or json_object.");
		};
	}

	private static @Nullable Integer positive(@Nullable JsonNode value, String path) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || value.asInt() < 1) {
			throw new InvalidChatRequest(path, "Must be a positive integer.");
		}
		return value.asInt();
	}

	private static String string(@Nullable JsonNode value, String path) {
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new InvalidChatRequest(path, "Field required: a non-empty string.");
		}
		return value.asString();
	}
}
