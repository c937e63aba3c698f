package dev.parley.realtime;

import java.util.UUID;

import dev.parley.conversations.MessageView;
import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Following a reply (resumable from {@code Last-Event-ID}) and stopping it. */
@RestController
@Tag(name = "Completions", description = "A model's reply in a chat: streamed, resumable, cancellable, never lost")
class ReplyController {

	private final ReplyStreams streams;

	private final LiveReplies live;

	ReplyController(ReplyStreams streams, LiveReplies live) {
		this.streams = streams;
		this.live = live;
	}

	@GetMapping(path = "/api/v1/messages/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Follow a reply: every event after Last-Event-ID, or at once done if it has ended",
			description = "Event ids are numbers in the reply's log (from 1; the user message of a new turn is 0). "
					+ "Last-Event-ID: n replays every event after n, the same ones on any node; a number past the "
					+ "end counts from the end. Only a model's reply can be followed; any other message is a 404. "
					+ "A reply deleted meanwhile ends the stream with an error event (a 410 problem).")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
			schema = @Schema(implementation = ReplyEvents.class)))
	SseEmitter resume(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		return streams.follow(id, caller.id(), after(lastEventId));
	}

	@PostMapping("/api/v1/messages/{id}/cancel")
	@Operation(summary = "Stop a reply being generated; it keeps what it received and ends interrupted")
	@ApiResponse(responseCode = "409", description = "The message is not being generated")
	MessageView cancel(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return live.cancel(id, caller.id());
	}

	/** The event number a {@code Last-Event-ID} names; anything else is the start. */
	private static long after(@Nullable String lastEventId) {
		try {
			return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.trim()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
