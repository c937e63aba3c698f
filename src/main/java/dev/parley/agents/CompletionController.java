package dev.parley.agents;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.ai.CacheStatus;
import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.KnownModel;
import dev.parley.conversations.MessageView;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.realtime.LiveReply;
import dev.parley.realtime.ReplyEvents;
import dev.parley.realtime.ReplyOutcome;
import dev.parley.realtime.ReplyStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/chats/{id}/completions}: a turn of a chat, answered whole or streamed. */
@RestController
@Tag(name = "Completions", description = "A model's reply in a chat: streamed, resumable, cancellable, never lost")
class CompletionController {

	private static final long MAX_WAIT_MINUTES = 30;

	private final Turns turns;

	private final ReplyStreams streams;

	CompletionController(Turns turns, ReplyStreams streams) {
		this.turns = turns;
		this.streams = streams;
	}

	@PostMapping("/api/v1/chats/{chatId}/completions")
	@Operation(summary = "Post a message and get the model's reply",
			description = "With stream=true the answer is text/event-stream: user_message (id 0), then the reply's "
					+ "events numbered from 1 (delta {message_id, content} ...), then done (the stored reply) or "
					+ "error (a problem). GET /api/v1/messages/{id}/stream with Last-Event-ID: n resumes after event n.")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TurnResponse.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = ReplyEvents.class)) })
	@ApiResponse(responseCode = "429", description = "Too many replies of yours are being generated at once")
	@ApiResponse(responseCode = "502", description = "The model provider failed (without stream)")
	@ApiResponse(responseCode = "503", description = "The provider's circuit breaker is open")
	@ApiResponse(responseCode = "504", description = "The model provider timed out (without stream)")
	Object complete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID chatId,
			@Valid @RequestBody CompletionRequest request, HttpServletResponse response) {
		Turns.Turn turn = turns.start(caller.id(), chatId, request.toTurn());
		if (turn.cache() != null) {
			response.setHeader(CacheStatus.HEADER, turn.cache().headerValue());
		}
		if (Boolean.TRUE.equals(request.stream())) {
			return streams.newTurn(turn.reply(), turn.userMessage());
		}
		ReplyOutcome outcome = await(turn.reply());
		if (outcome.failure() != null) {
			throw outcome.failure();
		}
		return new TurnResponse(turn.userMessage(), outcome.message());
	}

	private static ReplyOutcome await(LiveReply reply) {
		try {
			return reply.outcome().get(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
		}
		catch (TimeoutException ex) {
			reply.cancel();
			throw new GenerationFailed(GenerationFailed.Reason.TIMEOUT, "The reply took too long.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
		catch (ExecutionException ex) {
			throw new CompletionException(ex.getCause());
		}
	}

	record CompletionRequest(@NotBlank @Size(max = 100_000) String content,
			@Nullable @Size(max = 200) @KnownModel String model, @Nullable Boolean stream,
			@Nullable @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
			@Nullable @Min(1) @Max(1_000_000) Integer maxTokens,
			@Schema(description = "An agent of yours to run this turn (else the chat's agent, if any)")
			@Nullable UUID agentId,
			@Schema(description = "Files of yours (POST /api/v1/files) this message carries: images go to models that take "
					+ "images, documents' text into the prompt")
			@Nullable @Size(max = 10) List<UUID> fileIds,
			@Schema(description = "Answer from the response cache when an identical prompt was answered before "
					+ "(needs temperature 0 and no tools); the answer carries x-parley-cache: hit or miss")
			@Nullable Boolean cache,
			@Schema(description = "How long the stored answer lives, capped by PARLEY_CACHE_MAX_TTL")
			@Nullable @Min(1) Integer cacheTtlSeconds) {

		Turns.TurnRequest toTurn() {
			return new Turns.TurnRequest(content, model, temperature, maxTokens, agentId, false,
					fileIds == null ? List.of() : fileIds, Boolean.TRUE.equals(cache), cacheTtlSeconds,
					Boolean.TRUE.equals(stream));
		}
	}

	record TurnResponse(MessageView userMessage, @Nullable MessageView assistantMessage) {
	}
}
