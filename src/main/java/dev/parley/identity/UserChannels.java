package dev.parley.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.platform.FieldChecks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a person is reached with feedback requests: an email address (the account's unless they
 * chose another) and a Slack member id. The feedback module asks {@link #of(UUID)} before it
 * delivers; the person changes them with {@code PUT /api/v1/users/me/channels}.
 */
@Service
public class UserChannels {

	/** Addresses a mail header takes as one mailbox: no spaces, commas, brackets or quotes. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

	/** Slack member ids: {@code U…} (or {@code W…} in Enterprise Grid), upper-case letters and digits. */
	private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,31}");

	private static final int MAX_EMAIL_LENGTH = 254;

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final Clock clock;

	UserChannels(JdbcClient jdbc, UserRepository users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Where {@code userId} is reached now.
	 * @throws dev.parley.platform.ParleyException a not-found fact when no such account exists
	 */
	@Transactional(readOnly = true)
	public Addresses of(UUID userId) {
		User user = users.findById(userId).orElseThrow(UserNotFound::new);
		return jdbc.sql("select email, slack_user_id from user_channels where user_id = :id")
			.param("id", userId)
			.query((rs, row) -> addresses(user, rs.getString("email"), rs.getString("slack_user_id")))
			.optional()
			.orElseGet(() -> addresses(user, null, null));
	}

	/**
	 * Replaces the settings of {@code userId}: a {@code null} email means the account's, a
	 * {@code null} Slack id means none. Every invalid field is named at once.
	 */
	@Transactional
	Addresses update(UUID userId, @Nullable String email, @Nullable String slackUserId) {
		User user = users.findById(userId).orElseThrow(UserNotFound::new);
		FieldChecks checks = new FieldChecks();
		String ownEmail = normalisedEmail(checks, email);
		String slack = slackUserId(checks, slackUserId);
		checks.throwIfAny();
		String storedEmail = ownEmail == null || ownEmail.equals(user.email()) ? null : ownEmail;
		jdbc.sql("""
				insert into user_channels (user_id, email, slack_user_id, updated_at) values (:id, :email, :slack, :now)
				on conflict (user_id) do update set email = excluded.email, slack_user_id = excluded.slack_user_id,
				    updated_at = excluded.updated_at""")
			.param("id", userId)
			.param("email", storedEmail)
			.param("slack", slack)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
		return addresses(user, storedEmail, slack);
	}

	private static @Nullable String normalisedEmail(FieldChecks checks, @Nullable String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		String trimmed = email.trim();
		if (trimmed.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(trimmed).matches()) {
			checks.refuse("email", "must be one email address (name@example.com), at most 254 characters");
			return null;
		}
		return Accounts.normalizeEmail(trimmed);
	}

	private static @Nullable String slackUserId(FieldChecks checks, @Nullable String slackUserId) {
		if (slackUserId == null || slackUserId.isBlank()) {
			return null;
		}
		String trimmed = slackUserId.trim();
		if (!SLACK_USER_ID.matcher(trimmed).matches()) {
			checks.refuse("slack_user_id",
					"must be a Slack member id such as U012AB3CD (Slack: profile, \u22ee, Copy member ID)");
			return null;
		}
		return trimmed.toUpperCase(Locale.ROOT);
	}

	private static Addresses addresses(User user, @Nullable String email, @Nullable String slackUserId) {
		return new Addresses(email == null ? user.email() : email, email == null, slackUserId);
	}

	/**
	 * @param email where mails go
	 * @param accountEmail whether {@code email} is the account's (no other address was chosen)
	 * @param slackUserId the Slack member id direct messages go to; {@code null}: not reachable on Slack
	 */
	public record Addresses(String email, boolean accountEmail, @Nullable String slackUserId) {
	}
}
