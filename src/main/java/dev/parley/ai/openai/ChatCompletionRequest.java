package dev.parley.ai.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/chat/completions} as OpenAI defines it. What Parley translates is a
 * field here; every other field lands in {@link #others()}, which {@link ChatRequestTranslator}
 * refuses by name unless it is at its neutral value ({@code logprobs: false}, {@code
 * frequency_penalty: 0} ...) or the request may drop it. A message's {@code content} is a string or
 * an array of parts ({@code text}, and {@code image_url} in user messages); {@code developer}
 * messages count as system messages.
 *
 * @param model a Parley model id ({@code provider/model}), as {@code GET /v1/models} lists them
 * @param messages the conversation, oldest first, tool calls and tool results included
 * @param temperature 0 to 2, or {@code null} for the model's default
 * @param maxTokens the legacy name of {@code max_completion_tokens}
 * @param maxCompletionTokens the most tokens to generate; wins over {@code max_tokens}
 * @param n how many choices; only 1 is supported
 * @param stream whether to answer with Server-Sent Events
 * @param streamOptions {@code include_usage} adds a final chunk with the usage to a stream
 * @param tools function tools the model may call
 * @param toolChoice {@code "auto"}, {@code "none"}, {@code "required"} or {@code {"type": "function", "function": {"name": ...}}}
 * @param parallelToolCalls {@code false} for at most one tool call per answer
 * @param responseFormat {@code text}, {@code json_object} or {@code json_schema}
 * @param stop a stop sequence or an array of up to 4
 * @param seed for reproducible sampling
 * @param topP nucleus sampling, 0 to 1
 * @param frequencyPenalty -2 to 2
 * @param presencePenalty -2 to 2
 * @param user the end user's id; accepted and not sent on (OpenAI uses it only to monitor abuse)
 * @param metadata tags for stored completions; accepted and not sent on (Parley stores no completions for OpenAI)
 * @param dropParams drop the parameters the model's provider cannot honour instead of refusing the request
 * @param others every other field the request has
 */
record ChatCompletionRequest(@NotBlank String model, @NotEmpty List<@NotNull @Valid Message> messages,
		@DecimalMin("0") @DecimalMax("2") @Nullable Double temperature, @Positive @Nullable Integer maxTokens,
		@Positive @Nullable Integer maxCompletionTokens, @Nullable Integer n, @Nullable Boolean stream,
		@Nullable StreamOptions streamOptions, @Nullable List<@NotNull @Valid Tool> tools, @Nullable JsonNode toolChoice,
		@Nullable Boolean parallelToolCalls, @Nullable JsonNode responseFormat, @Nullable JsonNode stop,
		@Nullable Long seed, @DecimalMin("0") @DecimalMax("1") @Nullable Double topP,
		@DecimalMin("-2") @DecimalMax("2") @Nullable Double frequencyPenalty,
		@DecimalMin("-2") @DecimalMax("2") @Nullable Double presencePenalty, @Nullable String user,
		@Nullable JsonNode metadata, @Nullable Boolean dropParams,
		@JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

	ChatCompletionRequest {
		others = others == null ? new LinkedHashMap<>() : others;
	}

	/**
	 * @param role system, developer, user, assistant or tool
	 * @param content a string, an array of parts, or {@code null} on an assistant turn that only called tools
	 * @param toolCalls on an assistant turn, the tools it called
	 * @param toolCallId on a tool message, the call it answers
	 */
	record Message(@NotBlank String role, @Nullable JsonNode content, @Nullable List<@NotNull @Valid MessageToolCall> toolCalls,
			@Nullable String toolCallId) {
	}

	/** A tool call of an earlier assistant turn: {@code {"id", "type": "function", "function": {"name", "arguments"}}}. */
	record MessageToolCall(@NotBlank String id, @Nullable String type, @NotNull @Valid FunctionCall function) {
	}

	record FunctionCall(@NotBlank String name, @Nullable String arguments) {
	}

	/** {@code {"type": "function", "function": {"name", "description", "parameters"}}}. */
	record Tool(@NotBlank String type, @NotNull @Valid Function function) {
	}

	/** @param strict OpenAI's strict schema adherence; accepted, the schema is sent as it is */
	record Function(@NotBlank String name, @Nullable String description, @Nullable JsonNode parameters,
			@Nullable Boolean strict) {
	}

	record StreamOptions(@Nullable Boolean includeUsage) {
	}

	boolean streamed() {
		return Boolean.TRUE.equals(stream);
	}

	boolean includeUsage() {
		return streamed() && streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
	}
}
