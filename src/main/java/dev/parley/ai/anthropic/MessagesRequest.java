package dev.parley.ai.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.ai.GenerationOptions;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.PromptImage;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import dev.parley.ai.provider.ProviderCapabilities;
import dev.parley.ai.provider.ProviderCapabilities.Capability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/messages} as Anthropic defines it, read into a generation. Every field
 * is either honoured or refused with a 400 naming it. {@code top_p}, {@code stop_sequences}, a forced
 * {@code tool_choice} ({@code any}, {@code tool}) and {@code disable_parallel_tool_use} are honoured
 * where the model's provider can ({@link ProviderCapabilities}), as are {@code base64} image blocks;
 * {@code top_k}, {@code thinking}, images by URL, document blocks and server tools are refused for
 * every provider. {@code metadata} and
 * blocks' {@code cache_control} are accepted and have no effect.
 *
 * @param model the Parley model id ({@code provider/model})
 * @param maxTokens the most tokens to generate (required, as Anthropic requires it)
 * @param stream whether to answer with Server-Sent Events
 * @param generation what to generate
 */
record MessagesRequest(String model, int maxTokens, boolean stream, GenerationRequest generation) {

	private static final Set<String> FIELDS = Set.of("model", "max_tokens", "messages", "system", "tools",
			"tool_choice", "temperature", "stream", "metadata", "top_p", "top_k", "stop_sequences", "thinking");

	private static final Set<String> NOT_CARRIED = Set.of("top_k", "thinking");

	/**
	 * @param provider the provider of the requested model, which the options are checked for
	 * @param capabilities what that provider can honour
	 */
	static MessagesRequest read(JsonNode body, UUID userId, String provider, Set<Capability> capabilities,
			long maxImageBytes) {
		if (!body.isObject()) {
			throw new InvalidMessagesRequest("body", "The body must be a JSON object.");
		}
		for (String field : body.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw new InvalidMessagesRequest(field, "Unknown field '" + field + "'.");
			}
			if (NOT_CARRIED.contains(field) && !body.get(field).isNull()) {
				throw new InvalidMessagesRequest(field, "'" + field + "' is not supported by this server yet.");
			}
		}
		String model = text(body.get("model"), "model");
		JsonNode maxTokens = body.get("max_tokens");
		if (maxTokens == null || !maxTokens.isIntegralNumber() || maxTokens.asInt() < 1) {
			throw new InvalidMessagesRequest("max_tokens", "Field required: a positive integer.");
		}
		Double temperature = temperature(body.get("temperature"));
		MessagesOptions options = new MessagesOptions(provider, capabilities, maxImageBytes);
		List<PromptMessage> prompt = new ArrayList<>(system(body.get("system")));
		JsonNode messages = body.get("messages");
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			throw new InvalidMessagesRequest("messages", "Field required: a non-empty array of messages.");
		}
		for (int i = 0; i < messages.size(); i++) {
			prompt.addAll(message(messages.get(i), "messages." + i, options));
		}
		GenerationOptions.ToolChoice choice = options.toolChoice(body.get("tool_choice"));
		boolean none = choice != null && choice.mode() == GenerationOptions.ToolChoice.Mode.NONE;
		List<ToolDefinition> tools = none ? List.of() : tools(body.get("tools"));
		JsonNode stream = body.get("stream");
		if (stream != null && !stream.isNull() && !stream.isBoolean()) {
			throw new InvalidMessagesRequest("stream", "Must be a boolean.");
		}
		boolean single = body.path("tool_choice").path("disable_parallel_tool_use").asBoolean(false)
				&& options.allowed("tool_choice.disable_parallel_tool_use", Capability.SINGLE_TOOL_CALL);
		GenerationOptions generationOptions = new GenerationOptions(options.topP(body.get("top_p")),
				options.stop(body.get("stop_sequences")), null, none ? null : choice, single ? false : null, false, null,
				null);
		return new MessagesRequest(model, maxTokens.asInt(), stream != null && stream.asBoolean(false),
				new GenerationRequest(userId, model, prompt, temperature, maxTokens.asInt(), null, tools, null,
						generationOptions));
	}

	private static @Nullable Double temperature(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
			throw new InvalidMessagesRequest("temperature", "Must be a number from 0 to 1.");
		}
		return value.asDouble();
	}

	private static List<PromptMessage> system(@Nullable JsonNode system) {
		if (system == null || system.isNull()) {
			return List.of();
		}
		if (system.isString()) {
			return List.of(PromptMessage.system(system.asString()));
		}
		if (!system.isArray()) {
			throw new InvalidMessagesRequest("system", "Must be a string or an array of text blocks.");
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < system.size(); i++) {
			texts.add(textBlock(system.get(i), "system." + i));
		}
		return List.of(PromptMessage.system(String.join("\n", texts)));
	}

	/** One message: user text becomes a user turn, its tool results tool turns; assistant text and tool uses one assistant turn. */
	private static List<PromptMessage> message(JsonNode message, String path, MessagesOptions options) {
		String role = message.path("role").asString("");
		boolean assistant = switch (role) {
			case "user" -> false;
			case "assistant" -> true;
			default -> throw new InvalidMessagesRequest(path + ".role", "Must be 'user' or 'assistant'.");
		};
		JsonNode content = message.get("content");
		if (content != null && content.isString()) {
			return List.of(new PromptMessage(assistant ? PromptMessage.Role.ASSISTANT : PromptMessage.Role.USER,
					content.asString()));
		}
		if (content == null || !content.isArray()) {
			throw new InvalidMessagesRequest(path + ".content", "Must be a string or an array of content blocks.");
		}
		List<String> texts = new ArrayList<>();
		List<ToolCall> toolUses = new ArrayList<>();
		List<PromptMessage> results = new ArrayList<>();
		List<PromptImage> images = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			JsonNode block = content.get(i);
			String at = path + ".content." + i;
			switch (block.path("type").asString("")) {
				case "text" -> texts.add(textBlock(block, at));
				case "tool_use" -> {
					if (!assistant) {
						throw new InvalidMessagesRequest(at + ".type", "tool_use blocks belong in assistant messages.");
					}
					toolUses.add(new ToolCall(text(block.get("id"), at + ".id"), text(block.get("name"), at + ".name"),
							block.has("input") ? block.get("input").toString() : "{}"));
				}
				case "image" -> {
					if (assistant) {
						throw new InvalidMessagesRequest(at + ".type", "image blocks belong in user messages.");
					}
					images.add(options.image(block, at));
				}
				case "tool_result" -> {
					if (assistant) {
						throw new InvalidMessagesRequest(at + ".type", "tool_result blocks belong in user messages.");
					}
					results.add(PromptMessage.tool(text(block.get("tool_use_id"), at + ".tool_use_id"),
							toolResult(block.get("content"), at + ".content")));
				}
				default -> throw new InvalidMessagesRequest(at + ".type",
						"Unsupported content block type '" + block.path("type").asString("") + "': use text, image, tool_use or tool_result.");
			}
		}
		if (assistant) {
			return List.of(PromptMessage.assistant(String.join("", texts), toolUses));
		}
		// Tool results answer the previous assistant turn, so they come before the user's new text.
		List<PromptMessage> turns = new ArrayList<>(results);
		if (!texts.isEmpty() || !images.isEmpty()) {
			turns.add(PromptMessage.user(String.join("\n", texts), images));
		}
		return turns;
	}

	private static String toolResult(@Nullable JsonNode content, String path) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isString()) {
			return content.asString();
		}
		if (!content.isArray()) {
			throw new InvalidMessagesRequest(path, "Must be a string or an array of text blocks.");
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			texts.add(textBlock(content.get(i), path + "." + i));
		}
		return String.join("\n", texts);
	}

	private static String textBlock(JsonNode block, String path) {
		if (!"text".equals(block.path("type").asString(""))) {
			throw new InvalidMessagesRequest(path + ".type", "Only text blocks are supported here.");
		}
		return text(block.get("text"), path + ".text");
	}

	private static List<ToolDefinition> tools(@Nullable JsonNode tools) {
		if (tools == null || tools.isNull()) {
			return List.of();
		}
		if (!tools.isArray()) {
			throw new InvalidMessagesRequest("tools", "Must be an array of tools.");
		}
		List<ToolDefinition> definitions = new ArrayList<>();
		for (int i = 0; i < tools.size(); i++) {
			JsonNode tool = tools.get(i);
			String type = tool.path("type").asString("custom");
			if (!"custom".equals(type)) {
				throw new InvalidMessagesRequest("tools." + i + ".type",
						"Server tools ('" + type + "') are not supported: only client tools with an input_schema.");
			}
			JsonNode schema = tool.get("input_schema");
			if (schema == null || !schema.isObject()) {
				throw new InvalidMessagesRequest("tools." + i + ".input_schema", "Field required: a JSON Schema object.");
			}
			definitions.add(new ToolDefinition(text(tool.get("name"), "tools." + i + ".name"),
					tool.path("description").asString(""), schema.toString()));
		}
		return definitions;
	}

	/** The non-blank string at {@code path}; refused naming it otherwise. */
	static String text(@Nullable JsonNode value, String path) {
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new InvalidMessagesRequest(path, "Field required: a non-empty string.");
		}
		return value.asString();
	}
}
