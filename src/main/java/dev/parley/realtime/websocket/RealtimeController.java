package dev.parley.realtime.websocket;

import java.time.Instant;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.CursorPage;
import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tickets that open {@code /ws} from a browser, and the caller's live WebSocket sessions. */
@RestController
@Tag(name = "Real time", description = "The WebSocket /ws: tickets to open it, live sessions (see README, \"WebSocket\")")
class RealtimeController {

	private final RealtimeTickets tickets;

	private final LiveSessions sessions;

	private final ChatFanOut fanOut;

	RealtimeController(RealtimeTickets tickets, LiveSessions sessions, ChatFanOut fanOut) {
		this.tickets = tickets;
		this.sessions = sessions;
		this.fanOut = fanOut;
	}

	@PostMapping("/api/v1/realtime/tickets")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A single-use ticket that opens the WebSocket: GET /ws?ticket=…",
			description = "For browsers, which cannot set Authorization on a WebSocket. It is valid once, for "
					+ "parley.realtime.ticket-ttl (30 s), on any node. Programs may open /ws with Authorization: Bearer instead.")
	TicketResponse ticket(@AuthenticationPrincipal AuthenticatedUser caller) {
		RealtimeTickets.Issued issued = tickets.issue(caller.id());
		return new TicketResponse(issued.ticket(), "/ws?ticket=" + issued.ticket(), issued.expiresAt());
	}

	@GetMapping("/api/v1/sessions")
	@Operation(summary = "Your live WebSocket sessions, on every node, oldest first (at most parley.realtime.max-sessions-per-user)")
	CursorPage<SessionResponse> sessions(@AuthenticationPrincipal AuthenticatedUser caller) {
		return new CursorPage<>(sessions.list(caller.id()).stream().map(SessionResponse::from).toList(), null);
	}

	@DeleteMapping("/api/v1/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ends one of your live sessions: its socket is closed (code 4000), on whichever node it is")
	@ApiResponse(responseCode = "404", description = "You have no live session with this id")
	void end(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		if (!sessions.delete(id, caller.id())) {
			throw new LiveSessionNotFound();
		}
		fanOut.publish(new FanOutMessage.CloseSession(id));
	}

	record TicketResponse(String ticket, String url, Instant expiresAt) {
	}

	record SessionResponse(UUID id, String node, String authenticatedWith, @Nullable String userAgent, Instant openedAt,
			Instant lastSeenAt) {

		static SessionResponse from(LiveSessions.Row row) {
			return new SessionResponse(row.id(), row.nodeId(), row.authenticatedWith(), row.userAgent(), row.openedAt(),
					row.heartbeatAt());
		}
	}

	/** No live session of the caller has this id. */
	static final class LiveSessionNotFound extends ParleyException {

		LiveSessionNotFound() {
			super(ProblemKind.NOT_FOUND, "You have no live session with this id.");
		}
	}
}
