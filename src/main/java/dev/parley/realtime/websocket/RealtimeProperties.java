package dev.parley.realtime.websocket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the WebSocket endpoint {@code /ws} (see README, "WebSocket").
 *
 * @param maxSessionsPerUser live sessions a user may hold at once, on all nodes together
 *     ({@code PARLEY_REALTIME_MAX_SESSIONS}); the next one is refused with close code 4429
 * @param idleTimeout how long a socket may stay silent both ways before it is closed
 *     ({@code PARLEY_REALTIME_IDLE_TIMEOUT})
 * @param ticketTtl how long a ticket from {@code POST /api/v1/realtime/tickets} may wait to be used
 * @param sendTimeLimit the longest one send to a client may take before the socket is closed (1013)
 * @param sendBufferLimit the most frames may wait for a slow client before its socket is closed (1013)
 * @param maxFrameSize the largest frame a client may send
 * @param nodeId this node's name in {@code GET /api/v1/sessions}; blank for a random one per start
 */
@ConfigurationProperties("parley.realtime")
record RealtimeProperties(@DefaultValue("3") int maxSessionsPerUser, @DefaultValue("24h") Duration idleTimeout,
		@DefaultValue("30s") Duration ticketTtl, @DefaultValue("10s") Duration sendTimeLimit,
		@DefaultValue("1MB") DataSize sendBufferLimit, @DefaultValue("256KB") DataSize maxFrameSize,
		@DefaultValue("") String nodeId) {
}
