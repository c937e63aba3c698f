package dev.parley.realtime.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authenticates {@code GET /ws} before the upgrade: a program sends {@code Authorization: Bearer}
 * (an access token or an API key, checked by the security filter chain like on any route); a
 * browser, which cannot set that header on a WebSocket, sends {@code ?ticket=} from
 * {@code POST /api/v1/realtime/tickets}. Anything else is refused with a 401 problem and no upgrade.
 * (A bad bearer token never gets here: the filter chain answers 401 first; a foreign
 * {@code Origin} neither: 403, see {@link WebSocketConfiguration}.)
 */
@Component
class SocketHandshake implements HandshakeInterceptor {

	static final String USER = "parley.user";

	static final String METHOD = "parley.authenticated-with";

	private static final String UNAUTHENTICATED = """
			{"type":"https://parley.dev/problems/unauthenticated","title":"Authentication required","status":401,\
			"detail":"Open /ws with Authorization: Bearer, or with ?ticket= from POST /api/v1/realtime/tickets \
			(single use, short-lived)."}""";

	private final RealtimeTickets tickets;

	SocketHandshake(RealtimeTickets tickets) {
		this.tickets = tickets;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws Exception {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser caller) {
			attributes.put(USER, caller.id());
			attributes.put(METHOD, caller.viaApiKey() ? "api_key" : "access_token");
			return true;
		}
		Optional<UUID> ticketHolder = Optional.ofNullable(ticket(request)).flatMap(tickets::redeem);
		if (ticketHolder.isPresent()) {
			attributes.put(USER, ticketHolder.get());
			attributes.put(METHOD, "ticket");
			return true;
		}
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.getHeaders().set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
		response.getBody().write(UNAUTHENTICATED.getBytes(StandardCharsets.UTF_8));
		return false;
	}

	private static @Nullable String ticket(ServerHttpRequest request) {
		String ticket = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("ticket");
		return ticket == null || ticket.isBlank() || ticket.length() > 100 ? null : ticket;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}
}
