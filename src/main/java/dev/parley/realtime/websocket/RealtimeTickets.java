package dev.parley.realtime.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Short-lived, single-use tickets that open a WebSocket ({@code /ws?ticket=}): a browser cannot set
 * an {@code Authorization} header on one, and a ticket in a URL (and so in access logs) is worth
 * nothing once used or after {@link RealtimeProperties#ticketTtl}. Stored as their SHA-256, so any
 * node redeems them; redeeming deletes the row, so a ticket opens one socket at most.
 */
@Component
class RealtimeTickets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	RealtimeTickets(JdbcClient jdbc, Clock clock, RealtimeProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = properties.ticketTtl();
	}

	/** A new ticket of this user and when it expires. */
	Issued issue(UUID userId) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = clock.instant().plus(ttl);
		jdbc.sql("insert into realtime_tickets (token_sha256, user_id, expires_at) values (?, ?, ?)")
			.params(sha256(ticket), userId, Timestamps.sql(expiresAt))
			.update();
		return new Issued(ticket, expiresAt);
	}

	/** The user a valid ticket belongs to; the ticket is used up. Empty for an unknown, used or expired one. */
	Optional<UUID> redeem(String ticket) {
		return jdbc.sql("delete from realtime_tickets where token_sha256 = ? and expires_at > ? returning user_id")
			.params(sha256(ticket), Timestamps.sql(clock.instant()))
			.query(UUID.class)
			.optional();
	}

	@Scheduled(initialDelay = 60_000, fixedDelay = 600_000)
	void forgetExpired() {
		jdbc.sql("delete from realtime_tickets where expires_at < ?")
			.param(Timestamps.sql(clock.instant().minus(Duration.ofMinutes(1))))
			.update();
	}

	private static String sha256(String ticket) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Issued(String ticket, Instant expiresAt) {
	}
}
