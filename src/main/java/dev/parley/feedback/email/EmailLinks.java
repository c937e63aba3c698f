package dev.parley.feedback.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.feedback.FeedbackDelivery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The rows behind the links of feedback mails ({@code feedback_email_links}): what each link
 * answers, where it was sent and whether it was used. A link works once: {@link #use} marks it in
 * one guarded update, so two POSTs racing with the same link cannot both pass.
 */
class EmailLinks {

	/** Rows are kept this long past their expiry, so that a late click still hears "expired". */
	private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final EmailLinkTokens tokens;

	private final Clock clock;

	EmailLinks(JdbcClient jdbc, EmailLinkTokens tokens, Clock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * @param token what goes in the link
	 * @param answer the option the link answers with; {@code null} for the free-text form
	 */
	record IssuedLink(UUID nonce, String token, @Nullable String answer) {
	}

	/** A link as stored. */
	record Link(UUID nonce, UUID requestId, UUID recipientId, String address, String question, @Nullable String answer,
			@Nullable Instant usedAt) {
	}

	/** One link per option of {@code delivery}, or one to the free-text form when it has none. */
	List<IssuedLink> issue(FeedbackDelivery delivery, String address) {
		List<@Nullable String> answers = delivery.options().isEmpty() ? singleFreeText() : List.copyOf(delivery.options());
		Instant now = clock.instant();
		List<IssuedLink> links = new ArrayList<>();
		for (String answer : answers) {
			UUID nonce = UUID.randomUUID();
			jdbc.sql("""
					insert into feedback_email_links (nonce, request_id, recipient_id, address, question, answer, expires_at,
					    created_at)
					values (:nonce, :request, :recipient, :address, :question, :answer, :expires, :now)""")
				.param("nonce", nonce)
				.param("request", delivery.requestId())
				.param("recipient", delivery.recipientId())
				.param("address", address)
				.param("question", delivery.question())
				.param("answer", answer)
				.param("expires", Timestamp.from(delivery.deadline()))
				.param("now", Timestamp.from(now))
				.update();
			String token = tokens.sign(new EmailLinkTokens.Claims(nonce, delivery.requestId(), delivery.recipientId(),
					delivery.deadline()));
			links.add(new IssuedLink(nonce, token, answer));
		}
		return links;
	}

	private static List<@Nullable String> singleFreeText() {
		List<@Nullable String> one = new ArrayList<>();
		one.add(null);
		return one;
	}

	/** Forgets the links of a mail that could not be sent. */
	void withdraw(List<IssuedLink> links) {
		jdbc.sql("delete from feedback_email_links where nonce in (:nonces)")
			.param("nonces", links.stream().map(IssuedLink::nonce).toList())
			.update();
	}

	Optional<Link> find(EmailLinkTokens.Claims claims) {
		return jdbc.sql("""
				select nonce, request_id, recipient_id, address, question, answer, used_at from feedback_email_links
				where nonce = :nonce and request_id = :request and recipient_id = :recipient""")
			.param("nonce", claims.nonce())
			.param("request", claims.requestId())
			.param("recipient", claims.recipientId())
			.query((rs, row) -> new Link(rs.getObject("nonce", UUID.class), rs.getObject("request_id", UUID.class),
					rs.getObject("recipient_id", UUID.class), rs.getString("address"), rs.getString("question"), rs.getString("answer"),
					rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
			.optional();
	}

	/** Marks the link used; {@code false} when it had been used already. */
	boolean use(UUID nonce) {
		return jdbc.sql("update feedback_email_links set used_at = :now where nonce = :nonce and used_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("nonce", nonce)
			.update() == 1;
	}

	@Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
	void forgetLongExpired() {
		jdbc.sql("delete from feedback_email_links where expires_at < :before")
			.param("before", Timestamp.from(clock.instant().minus(KEPT_AFTER_EXPIRY)))
			.update();
	}
}
