package dev.parley.realtime.websocket;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's live sessions alive in {@link LiveSessions}, and closes the sockets whose session
 * was ended on another node without word reaching this one (the fan-out tells it at once otherwise).
 */
@Component
class SessionHeartbeat {

	private static final Logger log = LoggerFactory.getLogger(SessionHeartbeat.class);

	private final LiveSessions sessions;

	private final LocalSockets sockets;

	private final Clock clock;

	SessionHeartbeat(LiveSessions sessions, LocalSockets sockets, Clock clock) {
		this.sessions = sessions;
		this.sockets = sockets;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 15_000, fixedDelay = 15_000)
	void beat() {
		Instant started = clock.instant();
		Set<UUID> recorded;
		try {
			recorded = sessions.heartbeat();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the live sessions of this node; retrying in 15 s", ex);
			return;
		}
		sockets.all()
			.stream()
			.filter(socket -> socket.openedAt().isBefore(started) && !recorded.contains(socket.id()))
			.forEach(socket -> socket.closeNow(LocalSockets.ENDED));
	}
}
