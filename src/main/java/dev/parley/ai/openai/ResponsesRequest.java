package dev.parley.ai.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.ai.GenerationOptions;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import dev.parley.ai.provider.ProviderCapabilities.Capability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/responses} (OpenAI's Responses API) read into a generation, for the
 * providers it is bridged to. Honoured: {@code input} (a string, or message items with text
 * content, {@code function_call} and {@code function_call_output} items), {@code instructions},
 * {@code tools} (functions), {@code max_output_tokens}, {@code temperature}, {@code stream},
 * {@code metadata} (echoed), {@code store: false}; and where the model's provider can
 * ({@link dev.parley.ai.provider.ProviderCapabilities}) {@code top_p}, {@code tool_choice}
 * ({@code auto}, {@code none}, {@code required}, a function), {@code parallel_tool_calls: false} and
 * {@code text.format} ({@code text}, {@code json_schema}, {@code json_object}). Everything else, {@code previous_response_id} and {@code store: true}
 * included (Parley stores no responses), is refused with a 400 naming it.
 *
 * @param body the request as sent, for the fields the response echoes
 * @param stream whether to answer with Server-Sent Events
 * @param generation what to generate
 */
record ResponsesRequest(JsonNode body, boolean stream, GenerationRequest generation) {

	private static final Set<String> FIELDS = Set.of("model", "input", "instructions", "tools", "tool_choice", "text",
			"max_output_tokens", "temperature", "stream", "metadata", "parallel_tool_calls", "store", "user", "top_p");

	/**
	 * @param provider the provider of the requested model, which the options are checked for
	 * @param capabilities what that provider can honour
	 */
	static ResponsesRequest read(JsonNode body, UUID userId, String provider, Set<Capability> capabilities) {
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
		Options options = new Options(provider, capabilities);
		boolean single = body.has("parallel_tool_calls") && !body.get("parallel_tool_calls").asBoolean(true)
				&& options.allowed("parallel_tool_calls", Capability.SINGLE_TOOL_CALL);
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
		GenerationOptions.ToolChoice choice = options.toolChoice(body.get("tool_choice"));
		boolean none = choice != null && choice.mode() == GenerationOptions.ToolChoice.Mode.NONE;
		List<ToolDefinition> tools = none ? List.of() : tools(body.get("tools"));
		JsonNode format = body.path("text").path("format");
		boolean jsonObject = "json_object".equals(format.path("type").asString(""))
				&& options.allowed("text.format", Capability.JSON_OBJECT);
		String schema = outputSchema(body.get("text"));
		if (schema != null) {
			options.allowed("text.format", Capability.JSON_SCHEMA);
		}
		GenerationOptions generationOptions = new GenerationOptions(options.topP(body.get("top_p")), List.of(), null,
				none ? null : choice, single ? false : null, jsonObject, null, null);
		JsonNode stream = body.get("stream");
		return new ResponsesRequest(body, stream != null && stream.asBoolean(false), new GenerationRequest(userId, model,
				prompt, temperature, maxTokens, null, tools, schema, generationOptions));
	}

	/** The options a provider may or may not honour, each refused by name where it cannot. */
	private record Options(String provider, Set<Capability> capabilities) {

		boolean allowed(String param, Capability capability) {
			if (!capabilities.contains(capability)) {
				throw new InvalidChatRequest(param, "The model's provider (" + provider + ") cannot honour '" + param + "'.");
			}
			return true;
		}

		@Nullable Double topP(@Nullable JsonNode value) {
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
				throw new InvalidChatRequest("top_p", "Must be a number from 0 to 1.");
			}
			allowed("top_p", Capability.TOP_P);
			return value.asDouble();
		}

		/** {@code auto} ({@code null}), {@code none} (honoured by offering no tools), {@code required} or a function. */
		GenerationOptions.@Nullable ToolChoice toolChoice(@Nullable JsonNode choice) {
			if (choice == null || choice.isNull()) {
				return null;
			}
			if (choice.isObject()) {
				if (!"function".equals(choice.path("type").asString(""))) {
					throw new InvalidChatRequest("tool_choice.type", "Only function tool choices are supported.");
				}
				String name = string(choice.get("name"), "tool_choice.name");
				allowed("tool_choice", Capability.TOOL_CHOICE_FUNCTION);
				return GenerationOptions.ToolChoice.function(name);
			}
			return switch (choice.asString("")) {
				case "auto" -> null;
				case "none" -> GenerationOptions.ToolChoice.of(GenerationOptions.ToolChoice.Mode.NONE);
				case "required" -> allowed("tool_choice", Capability.TOOL_CHOICE_REQUIRED)
						? GenerationOptions.ToolChoice.of(GenerationOptions.ToolChoice.Mode.REQUIRED) : null;
				default -> throw new InvalidChatRequest("tool_choice", "Must be auto, none, required or a function.");
			};
		}
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
			case "json_object" -> null;
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
