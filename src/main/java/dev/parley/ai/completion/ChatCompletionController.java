package dev.parley.ai.completion;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.KnownModel;
import dev.parley.conversations.MessageView;
import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Completions", description = "A model's reply in a chat: streamed, resumable, cancellable, never lost")
class ChatCompletionController {

	private static final long MAX_WAIT_MINUTES = 30;

	private final ChatCompletions completions;

	private final ReplyStreamer streamer;

	ChatCompletionController(ChatCompletions completions, ReplyStreamer streamer) {
		this.completions = completions;
		this.streamer = streamer;
	}

	@PostMapping("/api/v1/chats/{chatId}/completions")
	@Operation(summary = "Post a message and get the model's reply",
			description = "With stream=true the answer is text/event-stream: user_message, delta {message_id, content}, "
					+ "then done (the stored reply) or error (a problem). Event ids are offsets for Last-Event-ID.")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TurnResponse.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = ReplyEvents.class)) })
	@ApiResponse(responseCode = "429", description = "Too many replies of yours are being generated at once")
	@ApiResponse(responseCode = "502", description = "The model provider failed (without stream)")
	@ApiResponse(responseCode = "503", description = "The provider's circuit breaker is open")
	@ApiResponse(responseCode = "504", description = "The model provider timed out (without stream)")
	Object complete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID chatId,
			@Valid @RequestBody CompletionRequest request) {
		ChatCompletions.Turn turn = completions.start(caller.id(), chatId, request.toTurn());
		if (Boolean.TRUE.equals(request.stream())) {
			return streamer.stream(turn.reply().messageId(), turn.reply(), 0, turn.userMessage());
		}
		ReplyOutcome outcome = await(turn.reply());
		if (!outcome.completed()) {
			throw outcome.failure();
		}
		return new TurnResponse(turn.userMessage(), outcome.message());
	}

	@GetMapping(path = "/api/v1/messages/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Follow a reply: resumes after Last-Event-ID, or ends at once with done if it has ended",
			description = "Only a model's reply can be followed; any other message is a 404. A reply deleted meanwhile "
					+ "ends the stream with an error event (a 410 problem).")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
			schema = @Schema(implementation = ReplyEvents.class)))
	SseEmitter resume(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		ReplySource source = completions.follow(id, caller.id());
		return streamer.stream(id, source, offset(lastEventId), null);
	}

	@PostMapping("/api/v1/messages/{id}/cancel")
	@Operation(summary = "Stop a reply being generated; it keeps what it received and ends interrupted")
	@ApiResponse(responseCode = "409", description = "The message is not being generated")
	MessageView cancel(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return completions.cancel(id, caller.id());
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
		catch (java.util.concurrent.ExecutionException ex) {
			throw new CompletionException(ex.getCause());
		}
	}

	/** The text offset a {@code Last-Event-ID} names; past the reply's end it counts from the end. */
	private static int offset(String lastEventId) {
		try {
			return lastEventId == null ? 0
					: (int) Math.clamp(Long.parseLong(lastEventId.trim()), 0, Integer.MAX_VALUE);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	record CompletionRequest(@NotBlank @Size(max = 100_000) String content, @Size(max = 200) @KnownModel String model,
			Boolean stream, @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
			@Min(1) @Max(1_000_000) Integer maxTokens) {

		ChatCompletions.TurnRequest toTurn() {
			return new ChatCompletions.TurnRequest(content, model, temperature, maxTokens);
		}
	}

	record TurnResponse(MessageView userMessage, MessageView assistantMessage) {
	}
}
