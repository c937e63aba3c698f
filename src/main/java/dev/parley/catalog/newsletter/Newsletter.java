package dev.parley.catalog.newsletter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.parley.catalog.newsletter.NewsletterTokens.Claims;
import dev.parley.catalog.newsletter.NewsletterTokens.Purpose;
import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsletter's subscriptions and consent ledger. A request always does the same work, whatever
 * the address's state (a pending row is created if there is none, a confirmation and an unsubscribe
 * token are stored, the ledger records the request, a mail goes out on another thread), so neither
 * the answer nor its timing tells whether the address was subscribed. Only a confirmation changes a
 * subscription to {@code confirmed}, with the lists and wording version of the request it confirms.
 */
class Newsletter {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NewsletterTokens tokens;

	private final NewsletterMailer mailer;

	private final NewsletterProperties properties;

	private final Clock clock;

	Newsletter(JdbcClient jdbc, TransactionTemplate transactions, NewsletterTokens tokens, NewsletterMailer mailer,
			NewsletterProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tokens = tokens;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock;
	}

	/** Who asked, from where: what the ledger records besides the action. */
	record Origin(@Nullable String clientAddress, @Nullable String userAgent) {
	}

	/** Stores the request and mails its confirmation link (already-checked input). */
	void subscribe(String email, List<String> lists, String consentTextVersion, Origin origin) {
		Instant now = clock.instant();
		UUID confirmId = Ids.next();
		UUID unsubscribeId = Ids.next();
		Instant confirmExpiry = now.plus(properties.confirmTokenTtl());
		Instant unsubscribeExpiry = now.plus(properties.unsubscribeTokenTtl());
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into newsletter_subscriptions (id, email, status, created_at) values (:id, :email, 'pending', :now)
					on conflict (email) do nothing""")
				.param("id", Ids.next())
				.param("email", email)
				.param("now", Timestamp.from(now))
				.update();
			UUID subscription = jdbc.sql("select id from newsletter_subscriptions where email = :email")
				.param("email", email)
				.query(UUID.class)
				.single();
			storeToken(confirmId, subscription, "confirm", lists, consentTextVersion, confirmExpiry);
			storeToken(unsubscribeId, subscription, "unsubscribe", List.of(), null, unsubscribeExpiry);
			record(email, "subscribe_requested", lists, consentTextVersion, origin, now);
		});
		mailer.sendConfirmation(email, tokens.sign(new Claims(confirmId, Purpose.CONFIRM, confirmExpiry)),
				tokens.sign(new Claims(unsubscribeId, Purpose.UNSUBSCRIBE, unsubscribeExpiry)));
	}

	/**
	 * Confirms the request a confirmation token stands for; the token is used up.
	 * @throws InvalidNewsletterToken when it is forged, expired or used
	 */
	void confirm(String token, Origin origin) {
		Claims claims = tokens.verify(token, Purpose.CONFIRM, clock.instant()).orElseThrow(InvalidNewsletterToken::new);
		transactions.executeWithoutResult(status -> {
			Instant now = clock.instant();
			Used used = use(claims.id(), "confirm", now).orElseThrow(InvalidNewsletterToken::new);
			String email = jdbc.sql("""
					update newsletter_subscriptions set status = 'confirmed', lists = :lists, consent_text_version = :version,
						confirmed_at = :now, unsubscribed_at = null
					where id = :id returning email""")
				.param("lists", used.lists().toArray(String[]::new))
				.param("version", used.consentTextVersion())
				.param("now", Timestamp.from(now))
				.param("id", used.subscriptionId())
				.query(String.class)
				.single();
			record(email, "confirmed", used.lists(), used.consentTextVersion(), origin, now);
		});
	}

	/**
	 * Ends the subscription an unsubscribe token belongs to, and voids its open confirmation links.
	 * @param email when given, the address the token must belong to
	 * @throws InvalidNewsletterToken when it is forged, expired, used, or another address's
	 */
	void unsubscribe(String token, @Nullable String email, Origin origin) {
		Claims claims = tokens.verify(token, Purpose.UNSUBSCRIBE, clock.instant())
			.orElseThrow(InvalidNewsletterToken::new);
		transactions.executeWithoutResult(status -> {
			Instant now = clock.instant();
			if (email != null && !email.equals(emailOfToken(claims.id()).orElse(null))) {
				throw new InvalidNewsletterToken();
			}
			Used used = use(claims.id(), "unsubscribe", now).orElseThrow(InvalidNewsletterToken::new);
			String subscriber = jdbc.sql("""
					update newsletter_subscriptions set status = 'unsubscribed', unsubscribed_at = :now
					where id = :id returning email""")
				.param("now", Timestamp.from(now))
				.param("id", used.subscriptionId())
				.query(String.class)
				.single();
			jdbc.sql("""
					update newsletter_tokens set used_at = :now
					where subscription_id = :id and purpose = 'confirm' and used_at is null""")
				.param("now", Timestamp.from(now))
				.param("id", used.subscriptionId())
				.update();
			record(subscriber, "unsubscribed", List.of(), null, origin, now);
		});
	}

	/**
	 * Erases everything about the address an unsubscribe token belongs to (the subject's own request).
	 * @throws InvalidNewsletterToken when it is forged, expired or used
	 */
	void eraseWithToken(String token) {
		Claims claims = tokens.verify(token, Purpose.UNSUBSCRIBE, clock.instant())
			.orElseThrow(InvalidNewsletterToken::new);
		transactions.executeWithoutResult(status -> {
			String email = emailOfToken(claims.id()).orElseThrow(InvalidNewsletterToken::new);
			use(claims.id(), "unsubscribe", clock.instant()).orElseThrow(InvalidNewsletterToken::new);
			erase(email);
		});
	}

	/** Erases the address's subscription, tokens and ledger; whether there was anything. */
	boolean erase(String email) {
		Boolean erased = transactions.execute(status -> {
			int subscriptions = jdbc.sql("delete from newsletter_subscriptions where email = :email")
				.param("email", email)
				.update();
			int consents = jdbc.sql("delete from newsletter_consents where email = :email").param("email", email).update();
			return subscriptions + consents > 0;
		});
		return Boolean.TRUE.equals(erased);
	}

	/** The ledger of one address, oldest first, and its subscription's state (none when there is no row). */
	Subject subject(String email) {
		List<Consent> consents = jdbc.sql("""
				select action, lists, consent_text_version, client_address, user_agent, occurred_at
				from newsletter_consents where email = :email order by occurred_at, id""")
			.param("email", email)
			.query((row, n) -> new Consent(row.getString("action"), strings(row.getArray("lists")),
					row.getString("consent_text_version"), row.getString("client_address"), row.getString("user_agent"),
					row.getTimestamp("occurred_at").toInstant()))
			.list();
		Optional<String> status = jdbc.sql("select status from newsletter_subscriptions where email = :email")
			.param("email", email)
			.query(String.class)
			.optional();
		return new Subject(email, status.orElse(null), consents);
	}

	record Consent(String action, List<String> lists, @Nullable String consentTextVersion,
			@Nullable String clientAddress, @Nullable String userAgent, Instant occurredAt) {
	}

	record Subject(String email, @Nullable String status, List<Consent> consents) {
	}

	private record Used(UUID subscriptionId, List<String> lists, @Nullable String consentTextVersion) {
	}

	private Optional<Used> use(UUID tokenId, String purpose, Instant now) {
		return jdbc.sql("""
				update newsletter_tokens set used_at = :now
				where id = :id and purpose = :purpose and used_at is null and expires_at > :now
				returning subscription_id, lists, consent_text_version""")
			.param("now", Timestamp.from(now))
			.param("id", tokenId)
			.param("purpose", purpose)
			.query((row, n) -> new Used(row.getObject("subscription_id", UUID.class), strings(row.getArray("lists")),
					row.getString("consent_text_version")))
			.optional();
	}

	private Optional<String> emailOfToken(UUID tokenId) {
		return jdbc.sql("""
				select s.email from newsletter_tokens t join newsletter_subscriptions s on s.id = t.subscription_id
				where t.id = :id""")
			.param("id", tokenId)
			.query(String.class)
			.optional();
	}

	private void storeToken(UUID id, UUID subscription, String purpose, List<String> lists,
			@Nullable String consentTextVersion, Instant expiresAt) {
		jdbc.sql("""
				insert into newsletter_tokens (id, subscription_id, purpose, lists, consent_text_version, expires_at)
				values (:id, :subscription, :purpose, :lists, :version, :expires)""")
			.param("id", id)
			.param("subscription", subscription)
			.param("purpose", purpose)
			.param("lists", lists.toArray(String[]::new))
			.param("version", consentTextVersion)
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	private void record(String email, String action, List<String> lists, @Nullable String consentTextVersion,
			Origin origin, Instant now) {
		jdbc.sql("""
				insert into newsletter_consents (id, email, action, lists, consent_text_version, client_address, user_agent, occurred_at)
				values (:id, :email, :action, :lists, :version, :address, :agent, :now)""")
			.param("id", Ids.next())
			.param("email", email)
			.param("action", action)
			.param("lists", lists.toArray(String[]::new))
			.param("version", consentTextVersion)
			.param("address", origin.clientAddress())
			.param("agent", origin.userAgent())
			.param("now", Timestamp.from(now))
			.update();
	}

	private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
		return List.copyOf(Arrays.asList((String[]) array.getArray()));
	}
}
