package dev.parley.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.FieldChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ai/generate}: one stateless generation, answered whole, or streamed as
 * Server-Sent Events when {@code stream} is true (see {@link GenerationEvents}).
 */
@RestController
@RequestMapping("/api/v1/ai")
class GenerateController {

	static final int MAX_MESSAGE_CHARS = 100_000;

	private final Generations generations;

	private final AiProperties properties;

	GenerateController(Generations generations, AiProperties properties) {
		this.generations = generations;
		this.properties = properties;
	}

	@PostMapping("/generate")
	@Operation(summary = "Generate an answer, whole or streamed as Server-Sent Events (delta, done, error)")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = GenerateResponse.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					schema = @Schema(implementation = GenerationStreamEvents.class)) })
	@ApiResponse(responseCode = "429", description = "Too many of your generations are running at once")
	@ApiResponse(responseCode = "502", description = "The model provider failed")
	@ApiResponse(responseCode = "503", description = "The provider's circuit breaker is open")
	@ApiResponse(responseCode = "504", description = "The model provider timed out")
	Object generate(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody GenerateRequest body,
			HttpServletResponse response) {
		FieldChecks checks = new FieldChecks();
		GenerationRequest asked = checks
			.check(() -> body.toGenerationRequest(caller.id(), properties.limits().maxTokens()));
		checks.check(() -> generations.resolveModel(body.model()));
		CacheDirective cache = checks.check(() -> CacheDirective.asked("cache", body.cache(), body.cacheTtlSeconds(),
				asked));
		checks.throwIfAny();
		GenerationRequest request = java.util.Objects.requireNonNull(asked).cached(cache);
		if (Boolean.TRUE.equals(body.stream())) {
			return GenerationEvents.stream(generations, request, properties.timeouts().request(), response);
		}
		GenerationResult result = generations.generate(request);
		if (cache != null) {
			response.setHeader(CacheStatus.HEADER, (result.fromCache() ? CacheStatus.HIT : CacheStatus.MISS).headerValue());
		}
		return GenerateResponse.from(result);
	}

	record MessageBody(@Nullable String role, @Nullable String content) {
	}

	record GenerateRequest(@Nullable String model, @Nullable List<@Nullable MessageBody> messages,
			@Nullable String prompt, @Nullable String system, @Nullable Boolean stream, @Nullable Double temperature,
			@Nullable Integer maxTokens,
			@Schema(description = "A seed for reproducible sampling (makes the request cacheable)") @Nullable Long seed,
			@Schema(description = "Answer from the response cache when an identical request was answered before "
					+ "(needs temperature 0 or a seed); the answer carries x-parley-cache: hit or miss")
			@Nullable Boolean cache,
			@Schema(description = "How long the stored answer lives, capped by PARLEY_CACHE_MAX_TTL")
			@Nullable Integer cacheTtlSeconds) {

		GenerationRequest toGenerationRequest(UUID userId, int maxTokensCap) {
			Map<String, String> errors = new LinkedHashMap<>();
			boolean hasMessages = messages != null && !messages.isEmpty();
			boolean hasPrompt = prompt != null && !prompt.isBlank();
			if (hasMessages == hasPrompt) {
				errors.put(hasMessages ? "prompt" : "messages", "give exactly one of messages and prompt");
			}
			List<PromptMessage> prompt = new ArrayList<>();
			if (system != null && !system.isBlank()) {
				checkSize("system", system, errors);
				prompt.add(PromptMessage.system(system));
			}
			if (hasPrompt) {
				checkSize("prompt", this.prompt, errors);
				prompt.add(PromptMessage.user(this.prompt));
			}
			for (int i = 0; hasMessages && i < messages.size(); i++) {
				toMessage(i, messages.get(i), errors, prompt);
			}
			if (temperature != null && (temperature < 0 || temperature > 2)) {
				errors.put("temperature", "must be between 0 and 2");
			}
			if (maxTokens != null && (maxTokens < 1 || maxTokens > maxTokensCap)) {
				errors.put("max_tokens", "must be between 1 and " + maxTokensCap);
			}
			if (!errors.isEmpty()) {
				throw new InvalidPrompt(errors);
			}
			GenerationOptions options = seed == null ? GenerationOptions.DEFAULT
					: new GenerationOptions(null, List.of(), seed, null, null, false, null, null);
			return new GenerationRequest(userId, model, prompt, temperature, maxTokens, null, List.of(), null, options);
		}

		private static void toMessage(int index, @Nullable MessageBody message, Map<String, String> errors,
				List<PromptMessage> prompt) {
			String field = "messages[" + index + "]";
			if (message == null || message.content() == null) {
				errors.put(field + ".content", "is required");
				return;
			}
			PromptMessage.Role role = role(message.role());
			if (role == null) {
				errors.put(field + ".role", "must be system, user or assistant");
				return;
			}
			checkSize(field + ".content", message.content(), errors);
			prompt.add(new PromptMessage(role, message.content()));
		}

		private static PromptMessage.@Nullable Role role(@Nullable String role) {
			if (role == null) {
				return null;
			}
			return switch (role.toLowerCase(Locale.ROOT)) {
				case "system" -> PromptMessage.Role.SYSTEM;
				case "user" -> PromptMessage.Role.USER;
				case "assistant" -> PromptMessage.Role.ASSISTANT;
				default -> null;
			};
		}

		private static void checkSize(String field, String text, Map<String, String> errors) {
			if (text.length() > MAX_MESSAGE_CHARS) {
				errors.put(field, "must be at most " + MAX_MESSAGE_CHARS + " characters");
			}
		}
	}

	record GenerateResponse(String model, String content, String finishReason, Usage usage) {

		static GenerateResponse from(GenerationResult result) {
			return new GenerateResponse(result.model(), result.content(), result.finishReason(), Usage.from(result.usage()));
		}
	}

	record Usage(int promptTokens, int completionTokens, int totalTokens) {

		static Usage from(TokenUsage usage) {
			return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
		}
	}
}
