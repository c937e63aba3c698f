package dev.parley.ai.anthropic;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.provider.ProviderCapabilities;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/v1")
@Tag(name = "Anthropic-compatible",
		description = "Anthropic's messages API shape, for Anthropic SDKs and tools (key: a Parley API key as x-api-key)")
class MessagesController {

	private final Generations generations;

	private final JsonMapper json;

	private final AiProperties properties;

	MessagesController(Generations generations, JsonMapper json, AiProperties properties) {
		this.generations = generations;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Answers with an {@link AnthropicMessage}, or with a {@link MessagesStream} when {@code stream}
	 * is true; {@code Object} so that Spring MVC picks the streaming handler by the value. Any model
	 * Parley offers answers; usage counts against the caller.
	 */
	@PostMapping("/messages")
	@Operation(summary = "Create a message (Anthropic's shape); stream=true answers with Anthropic's Server-Sent Events",
			description = "Request: model, max_tokens (required), system, messages (text, tool_use and tool_result "
					+ "blocks), tools (client tools), tool_choice, temperature, top_p, stop_sequences, metadata, stream; "
					+ "base64 images where the provider takes them; what the model's provider cannot honour, and top_k, "
					+ "thinking, images by URL and server tools, are "
					+ "refused with a 400 naming the field. Streamed events: message_start, ping, content_block_start, content_block_delta "
					+ "(text_delta, input_json_delta), content_block_stop, message_delta (stop_reason, usage), "
					+ "message_stop; error when the generation fails after the stream started.")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AnthropicMessage.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE) })
	@ApiResponse(responseCode = "400", description = "Invalid request (type invalid_request_error)",
			content = @Content(schema = @Schema(implementation = AnthropicError.class)))
	@ApiResponse(responseCode = "401", description = "No or a wrong key (type authentication_error)",
			content = @Content(schema = @Schema(implementation = AnthropicError.class)))
	@ApiResponse(responseCode = "404", description = "No such model (type not_found_error)",
			content = @Content(schema = @Schema(implementation = AnthropicError.class)))
	@ApiResponse(responseCode = "429", description = "Too many of your generations at once (type rate_limit_error)",
			content = @Content(schema = @Schema(implementation = AnthropicError.class)))
	@ApiResponse(responseCode = "502", description = "The model provider failed (type api_error)",
			content = @Content(schema = @Schema(implementation = AnthropicError.class)))
	Object create(@AuthenticationPrincipal AuthenticatedUser caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Anthropic's messages request")
			@RequestBody JsonNode body, HttpServletResponse response) {
		JsonNode requested = body.get("model");
		if (requested == null || !requested.isString() || requested.asString().isBlank()) {
			throw new InvalidMessagesRequest("model", "Field required: a non-empty string.");
		}
		String provider = generations.model(requested.asString()).id().provider();
		MessagesRequest request = MessagesRequest.read(body, caller.id(), provider,
				ProviderCapabilities.of(provider, properties.providers().containsKey(provider)),
				properties.images().maxBytes().toBytes());
		String model = generations.resolveModel(request.model());
		String id = "msg_" + Ids.next().toString().replace("-", "");
		if (!request.stream()) {
			GenerationResult result = generations.generate(request.generation());
			return AnthropicMessage.from(id, result, json);
		}
		MessagesStream stream = MessagesStream.start(generations, request.generation(), id, model, json);
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		response.setHeader("X-Accel-Buffering", "no");
		return stream;
	}
}
