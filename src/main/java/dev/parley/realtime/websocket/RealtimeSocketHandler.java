package dev.parley.realtime.websocket;

import java.time.Clock;
import java.util.UUID;

import dev.parley.platform.ParleyException;
import dev.parley.platform.Ids;
import dev.parley.platform.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws}: one live session per socket, authenticated before the upgrade
 * ({@link SocketHandshake}). A user holding as many live sessions as allowed (on all nodes) gets an
 * {@code error} frame (429) and the close code 4429. Each text frame is a {@link ClientFrame} handled
 * by {@link SocketCommands}; what it cannot do comes back as an {@code error} frame with the
 * problem, and the socket stays open.
 */
@Component
class RealtimeSocketHandler extends TextWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(RealtimeSocketHandler.class);

	/** A user with too many live sessions. */
	static final CloseStatus TOO_MANY_SESSIONS = new CloseStatus(4429, "too many live sessions");

	private static final String SOCKET = "parley.socket";

	private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private final LiveSessions sessions;

	private final LocalSockets sockets;

	private final SocketCommands commands;

	private final Frames frames;

	private final JsonMapper json;

	private final RealtimeProperties properties;

	private final Clock clock;

	RealtimeSocketHandler(LiveSessions sessions, LocalSockets sockets, SocketCommands commands, Frames frames,
			JsonMapper json, RealtimeProperties properties, Clock clock) {
		this.sessions = sessions;
		this.sockets = sockets;
		this.commands = commands;
		this.frames = frames;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		session.setTextMessageSizeLimit((int) properties.maxFrameSize().toBytes());
		if (session instanceof StandardWebSocketSession standard) {
			standard.getNativeSession().setMaxIdleTimeout(properties.idleTimeout().toMillis());
			// A send blocked this long (a client that stopped reading) fails, and the connection is dropped.
			standard.getNativeSession()
				.getUserProperties()
				.put(BLOCKING_SEND_TIMEOUT, properties.sendTimeLimit().toMillis());
		}
		UUID userId = (UUID) session.getAttributes().get(SocketHandshake.USER);
		String method = (String) session.getAttributes().get(SocketHandshake.METHOD);
		LiveSocket socket = new LiveSocket(Ids.next(), userId, session, properties, clock.instant(), this::forget);
		session.getAttributes().put(SOCKET, socket);
		if (!sessions.open(socket.id(), userId, method, session.getHandshakeHeaders().getFirst("User-Agent"))) {
			socket.send(frames.error(ProblemKind.RATE_LIMITED, "You have " + properties.maxSessionsPerUser()
					+ " live sessions already; close one (DELETE /api/v1/sessions/{id}) to open another.", null));
			socket.closeAfterQueued(TOO_MANY_SESSIONS);
			return;
		}
		sockets.add(socket);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		LiveSocket socket = (LiveSocket) session.getAttributes().get(SOCKET);
		if (socket == null || !sockets.find(socket.id()).isPresent()) {
			return;
		}
		ClientFrame frame = null;
		try {
			frame = ClientFrame.of(json.readTree(message.getPayload()));
			commands.handle(socket, frame);
		}
		catch (JacksonException ex) {
			socket.send(frames.error(ProblemKind.INVALID_REQUEST, "The frame is not valid JSON.", null));
		}
		catch (ParleyException ex) {
			socket.send(frames.error(ex, frame == null ? null : frame.id()));
		}
		catch (RuntimeException ex) {
			log.error("Unhandled exception in a WebSocket frame", ex);
			socket.send(frames.error(ProblemKind.INTERNAL_ERROR,
					"Something went wrong on our side. Send the frame again, or report it.", frame == null ? null : frame.id()));
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("WebSocket transport error on {}", session.getId(), exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		LiveSocket socket = (LiveSocket) session.getAttributes().get(SOCKET);
		if (socket == null) {
			return;
		}
		socket.closeNow(status);
	}

	/** A socket that starts closing is no longer live: its subscriptions and its row go at once. */
	private void forget(LiveSocket socket) {
		if (sockets.find(socket.id()).isPresent()) {
			sockets.remove(socket);
		}
		sessions.close(socket.id());
	}
}
