package dev.parley.ai.openai;

import java.time.Clock;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.provider.ProviderCapabilities;
import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
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
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/v1")
@Tag(name = "OpenAI-compatible", description = "OpenAI's API shape, for OpenAI SDKs and tools (key: a Parley API key)")
class ResponsesController {

	private final Generations generations;

	private final JsonMapper json;

	private final ResponseObjects objects;

	private final Clock clock;

	private final ResponsesPassThrough passThrough;

	private final AiProperties properties;

	ResponsesController(Generations generations, ResponsesPassThrough passThrough, JsonMapper json, Clock clock,
			AiProperties properties) {
		this.properties = properties;
		this.generations = generations;
		this.passThrough = passThrough;
		this.json = json;
		this.objects = new ResponseObjects(json);
		this.clock = clock;
	}

	/**
	 * Answers with a {@code response} object, or with its events when {@code stream} is true
	 * ({@code Object}, so that Spring MVC picks the streaming handler by the value). For
	 * {@code openai/*} models the request is passed through ({@link ResponsesPassThrough}); for every
	 * other provider it is bridged onto the provider port. Usage counts against the caller.
	 */
	@PostMapping("/responses")
	@Operation(summary = "Create a model response (OpenAI's Responses API); stream=true answers with its Server-Sent Events",
			description = "openai/* models: passed through to OpenAI, the body as sent and the answer as OpenAI "
					+ "gives it, with only model rewritten (every field of the Responses API works, storage included). "
					+ "Other providers, bridged: input (a string, or message items with input_text/output_text content, "
					+ "function_call and function_call_output items), instructions, tools (function), max_output_tokens, "
					+ "temperature, metadata, stream, and where the provider can top_p, tool_choice (auto, none, required, "
					+ "a function), parallel_tool_calls=false, text.format (text, json_schema, json_object). Parley stores no responses: previous_response_id and store=true are refused "
					+ "with a 400 naming the field, as is every other field it cannot honour. Streamed events: "
					+ "response.created, response.in_progress, response.output_item.added, response.content_part.added, "
					+ "response.output_text.delta, response.output_text.done, response.content_part.done, "
					+ "response.output_item.done, response.function_call_arguments.delta and .done, then "
					+ "response.completed (response.incomplete when cut by max_output_tokens, response.failed when the "
					+ "generation fails), each with sequence_number.")
	@ApiResponse(responseCode = "200", content = { @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE) })
	@ApiResponse(responseCode = "400", description = "A field Parley cannot honour (param names it)")
	@ApiResponse(responseCode = "404", description = "No such model (code model_not_found)")
	@ApiResponse(responseCode = "429", description = "Too many of your generations at once")
	@ApiResponse(responseCode = "502", description = "The model provider failed")
	Object create(@AuthenticationPrincipal AuthenticatedUser caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "OpenAI's Responses API request")
			@RequestBody JsonNode body, HttpServletResponse servletResponse) {
		if (!body.path("model").isString() || body.path("model").asString().isBlank()) {
			throw new InvalidChatRequest("model", "Field required: a non-empty string.");
		}
		ModelInfo target = generations.model(body.path("model").asString());
		if (body instanceof ObjectNode object && ResponsesPassThrough.handles(target)) {
			return passThrough.respond(caller.id(), target, object, servletResponse);
		}
		String provider = target.id().provider();
		ResponsesRequest request = ResponsesRequest.read(body, caller.id(), provider,
				ProviderCapabilities.of(provider, properties.providers().containsKey(provider)));
		String model = generations.resolveModel(request.generation().model());
		String id = ResponseObjects.newId("resp");
		long createdAt = clock.instant().getEpochSecond();
		if (!request.stream()) {
			GenerationResult result = generations.generate(request.generation());
			ObjectNode response = objects.response(id, createdAt, result.model(), body, "completed");
			String[] callIds = result.toolCalls().stream().map(call -> ResponseObjects.newId("fc")).toArray(String[]::new);
			return objects.completed(response, result, ResponseObjects.newId("msg"), callIds);
		}
		ResponsesStream stream = ResponsesStream.start(generations, request.generation(),
				objects.response(id, createdAt, model, body, "in_progress"), objects, json);
		servletResponse.setContentType("text/event-stream;charset=UTF-8");
		servletResponse.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		servletResponse.setHeader("X-Accel-Buffering", "no");
		return stream;
	}
}
