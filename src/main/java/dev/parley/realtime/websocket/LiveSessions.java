package dev.parley.realtime.websocket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live WebSocket sessions of every node, in PostgreSQL ({@code V18__live_sessions.sql}): the
 * database every node already shares is where a user's sessions are counted against the limit,
 * listed and closed, whichever node holds them. A node refreshes the heartbeat of its sessions
 * ({@link #heartbeat}); rows a stopped node left behind stop counting after {@link #STALE_AFTER}.
 */
@Component
class LiveSessions {

	/** How often a node refreshes its sessions' heartbeat and learns which were closed elsewhere. */
	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	/** A session whose heartbeat is older than this belongs to a node that stopped. */
	static final Duration STALE_AFTER = Duration.ofSeconds(60);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int maxPerUser;

	private final String nodeId;

	LiveSessions(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, RealtimeProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.maxPerUser = properties.maxSessionsPerUser();
		this.nodeId = properties.nodeId().isBlank() ? "node-" + UUID.randomUUID().toString().substring(0, 8)
				: properties.nodeId();
	}

	String nodeId() {
		return nodeId;
	}

	/**
	 * Records a new session of this user on this node, unless they hold as many as allowed already
	 * (counted on all nodes, one user at a time: concurrent openings cannot both take the last place).
	 */
	boolean open(UUID sessionId, UUID userId, String authenticatedWith, @Nullable String userAgent) {
		Instant now = clock.instant();
		return Boolean.TRUE.equals(transactions.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("live_sessions:" + userId)
				.query((rs, row) -> 1)
				.list();
			int live = jdbc.sql("select count(*) from live_sessions where user_id = ? and heartbeat_at > ?")
				.params(userId, Timestamps.sql(now.minus(STALE_AFTER)))
				.query(Integer.class)
				.single();
			if (live >= maxPerUser) {
				return false;
			}
			jdbc.sql("""
					insert into live_sessions (id, user_id, node_id, authenticated_with, user_agent, opened_at, heartbeat_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(sessionId, userId, nodeId, authenticatedWith,
						userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500)),
						Timestamps.sql(now), Timestamps.sql(now))
				.update();
			return true;
		}));
	}

	void close(UUID sessionId) {
		jdbc.sql("delete from live_sessions where id = ?").param(sessionId).update();
	}

	/** Deletes a session of this user, on whichever node it is; false when they have none of that id. */
	boolean delete(UUID sessionId, UUID userId) {
		return jdbc.sql("delete from live_sessions where id = ? and user_id = ?").params(sessionId, userId).update() > 0;
	}

	/** The live sessions of this user on all nodes, oldest first. */
	List<Row> list(UUID userId) {
		return jdbc.sql("""
				select id, node_id, authenticated_with, user_agent, opened_at, heartbeat_at from live_sessions
				where user_id = ? and heartbeat_at > ? order by opened_at, id""")
			.params(userId, Timestamps.sql(clock.instant().minus(STALE_AFTER)))
			.query((rs, row) -> new Row(rs.getObject("id", UUID.class), rs.getString("node_id"),
					rs.getString("authenticated_with"), rs.getString("user_agent"),
					rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
					rs.getObject("heartbeat_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Refreshes the heartbeat of this node's sessions and returns those still recorded: a session
	 * missing from the answer was deleted on another node. Also sweeps the sessions of stopped nodes.
	 */
	Set<UUID> heartbeat() {
		Instant now = clock.instant();
		jdbc.sql("delete from live_sessions where heartbeat_at < ?")
			.param(Timestamps.sql(now.minus(STALE_AFTER.multipliedBy(2))))
			.update();
		return new HashSet<>(jdbc.sql("update live_sessions set heartbeat_at = ? where node_id = ? returning id")
			.params(Timestamps.sql(now), nodeId)
			.query(UUID.class)
			.list());
	}

	/** A live session as {@code GET /api/v1/sessions} shows it. */
	record Row(UUID id, String nodeId, String authenticatedWith, @Nullable String userAgent, Instant openedAt,
			Instant heartbeatAt) {
	}
}
