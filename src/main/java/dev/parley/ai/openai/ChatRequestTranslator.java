package dev.parley.ai.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationOptions;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.Generations;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolDefinition;
import dev.parley.ai.provider.ProviderCapabilities;
import dev.parley.ai.provider.ProviderCapabilities.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A chat completion request as a generation of the model's provider. What the provider can honour
 * ({@link ProviderCapabilities}) is mapped onto the port's {@link GenerationOptions}; a parameter it
 * cannot honour is refused with a 400 naming it, as LiteLLM does by default, or dropped when the
 * request says {@code drop_params: true} or the server {@code parley.ai.drop-params}. Parameters at
 * their neutral value ({@code n: 1}, {@code logprobs: false}, {@code frequency_penalty: 0} ...) ask
 * for nothing and pass; {@code user} and {@code metadata} are accepted and not sent on. Content
 * parts are never dropped: an image for a provider without images is a 400.
 */
@Component
class ChatRequestTranslator {

	private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

	private final Generations generations;

	private final AiProperties properties;

	private final ChatMessages messages;

	ChatRequestTranslator(Generations generations, AiProperties properties, RemoteImages images) {
		this.generations = generations;
		this.properties = properties;
		this.messages = new ChatMessages(images, images.maxBytes());
	}

	/** The generation this request asks for, on behalf of {@code userId}. */
	GenerationRequest translate(ChatCompletionRequest request, UUID userId) {
		String provider = generations.model(request.model()).id().provider();
		Parameters parameters = new Parameters(provider,
				ProviderCapabilities.of(provider, properties.providers().containsKey(provider)),
				Boolean.TRUE.equals(request.dropParams()) || properties.dropParams());
		if (request.n() != null && request.n() != 1) {
			parameters.allowed("n", null);
		}
		request.others().forEach((name, value) -> {
			if (!neutral(name, value)) {
				parameters.allowed(name, null);
			}
		});
		List<ToolDefinition> tools = tools(request.tools());
		String outputSchema = null;
		boolean jsonObject = false;
		String format = request.responseFormat() == null ? "text" : request.responseFormat().path("type").asString("");
		switch (format) {
			case "text" -> {
			}
			case "json_object" -> jsonObject = parameters.allowed("response_format", Capability.JSON_OBJECT);
			case "json_schema" -> {
				JsonNode schema = request.responseFormat().path("json_schema").path("schema");
				if (!schema.isObject()) {
					throw new InvalidChatRequest("response_format.json_schema.schema", "A JSON Schema object is required.");
				}
				if (parameters.allowed("response_format", Capability.JSON_SCHEMA)) {
					outputSchema = schema.toString();
				}
			}
			default -> throw new InvalidChatRequest("response_format.type",
					"Use 'text', 'json_object' or 'json_schema', not '" + format + "'.");
		}
		GenerationOptions options = new GenerationOptions(
				request.topP() != null && parameters.allowed("top_p", Capability.TOP_P) ? request.topP() : null,
				stop(request.stop(), parameters),
				request.seed() != null && parameters.allowed("seed", Capability.SEED) ? request.seed() : null,
				toolChoice(request.toolChoice(), tools, parameters),
				Boolean.FALSE.equals(request.parallelToolCalls())
						&& parameters.allowed("parallel_tool_calls", Capability.SINGLE_TOOL_CALL) ? false : null,
				jsonObject, penalty("frequency_penalty", request.frequencyPenalty(), parameters),
				penalty("presence_penalty", request.presencePenalty(), parameters));
		List<PromptMessage> prompt = messages.prompt(request.messages(),
				parameters.capabilities.contains(Capability.IMAGES), provider);
		Integer limit = request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens();
		return new GenerationRequest(userId, request.model(), prompt, request.temperature(), limit, null, tools,
				outputSchema, options);
	}

	private static @Nullable Double penalty(String param, @Nullable Double value, Parameters parameters) {
		return value == null || value == 0 || !parameters.allowed(param, Capability.PENALTIES) ? null : value;
	}

	private static List<ToolDefinition> tools(@Nullable List<ChatCompletionRequest.Tool> tools) {
		if (tools == null) {
			return List.of();
		}
		List<ToolDefinition> definitions = new ArrayList<>();
		for (int i = 0; i < tools.size(); i++) {
			ChatCompletionRequest.Tool tool = tools.get(i);
			if (!tool.type().equals("function")) {
				throw new InvalidChatRequest("tools[" + i + "].type", "Only tools of type 'function' are supported.");
			}
			ChatCompletionRequest.Function function = tool.function();
			JsonNode parameters = function.parameters();
			if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
				throw new InvalidChatRequest("tools[" + i + "].function.parameters", "Parameters must be a JSON Schema object.");
			}
			definitions.add(new ToolDefinition(function.name(), function.description() == null ? "" : function.description(),
					parameters == null || parameters.isNull() ? EMPTY_SCHEMA : parameters.toString()));
		}
		return definitions;
	}

	private static List<String> stop(@Nullable JsonNode stop, Parameters parameters) {
		if (stop == null || stop.isNull()) {
			return List.of();
		}
		List<String> sequences = new ArrayList<>();
		if (stop.isString()) {
			sequences.add(stop.asString());
		}
		else if (stop.isArray() && stop.size() <= 4) {
			for (JsonNode sequence : stop) {
				if (!sequence.isString()) {
					throw new InvalidChatRequest("stop", "Stop sequences must be strings.");
				}
				sequences.add(sequence.asString());
			}
		}
		else {
			throw new InvalidChatRequest("stop", "Stop must be a string or an array of up to 4 strings.");
		}
		return sequences.isEmpty() || !parameters.allowed("stop", Capability.STOP) ? List.of() : sequences;
	}

	private static GenerationOptions.@Nullable ToolChoice toolChoice(@Nullable JsonNode choice, List<ToolDefinition> tools,
			Parameters parameters) {
		if (choice == null || choice.isNull()) {
			return null;
		}
		GenerationOptions.ToolChoice parsed;
		if (choice.isString() && Set.of("auto", "none", "required").contains(choice.asString())) {
			parsed = GenerationOptions.ToolChoice.of(GenerationOptions.ToolChoice.Mode.valueOf(choice.asString().toUpperCase(java.util.Locale.ROOT)));
		}
		else if (choice.isObject() && "function".equals(choice.path("type").asString(null))
				&& choice.path("function").path("name").isString()) {
			String name = choice.path("function").path("name").asString();
			if (tools.stream().noneMatch(tool -> tool.name().equals(name))) {
				throw new InvalidChatRequest("tool_choice", "The tool '" + name + "' is not among the request's tools.");
			}
			parsed = GenerationOptions.ToolChoice.function(name);
		}
		else {
			throw new InvalidChatRequest("tool_choice",
					"Use 'auto', 'none', 'required' or {\"type\": \"function\", \"function\": {\"name\": ...}}.");
		}
		if (tools.isEmpty()) {
			if (parsed.mode() == GenerationOptions.ToolChoice.Mode.REQUIRED
					|| parsed.mode() == GenerationOptions.ToolChoice.Mode.FUNCTION) {
				throw new InvalidChatRequest("tool_choice", "tool_choice needs tools.");
			}
			return null;
		}
		Capability needed = switch (parsed.mode()) {
			case AUTO -> null;
			case NONE -> Capability.TOOL_CHOICE_NONE;
			case REQUIRED -> Capability.TOOL_CHOICE_REQUIRED;
			case FUNCTION -> Capability.TOOL_CHOICE_FUNCTION;
		};
		return needed == null || parameters.allowed("tool_choice", needed) ? parsed : null;
	}

	/** A value that asks for nothing: {@code false}, {@code 0}, empty, or OpenAI's default for the field. */
	static boolean neutral(String name, @Nullable JsonNode value) {
		if (value == null || value.isNull() || (value.isBoolean() && !value.booleanValue())
				|| (value.isNumber() && value.doubleValue() == 0) || (value.isContainer() && value.isEmpty())) {
			return true;
		}
		return switch (name) {
			case "modalities" -> value.isArray() && value.size() == 1 && "text".equals(value.get(0).asString(""));
			case "service_tier" -> "auto".equals(value.asString("")) || "default".equals(value.asString(""));
			default -> false;
		};
	}

	/** The provider's capabilities, deciding each parameter: honoured, dropped, or refused. */
	private record Parameters(String provider, Set<Capability> capabilities, boolean drop) {

		/**
		 * Whether the parameter is to be sent; {@code false} when it is dropped.
		 * @param capability what it needs; {@code null}: no translated provider honours it
		 * @throws InvalidChatRequest when it cannot be honoured and may not be dropped
		 */
		boolean allowed(String param, @Nullable Capability capability) {
			if (capability != null && capabilities.contains(capability)) {
				return true;
			}
			if (drop) {
				return false;
			}
			throw new InvalidChatRequest(param, "The model's provider (" + provider + ") cannot honour '" + param
					+ "' as sent. Remove it, or send \"drop_params\": true to have it dropped.");
		}
	}
}
