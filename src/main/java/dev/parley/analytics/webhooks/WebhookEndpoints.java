package dev.parley.analytics.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.ai.SealedSecret;
import dev.parley.ai.UserSecrets;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Ids;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Registers, lists and removes a user's webhook endpoints; another user's endpoint is never found. */
@Component
class WebhookEndpoints {

	static final int MAX_URL_LENGTH = 2000;

	static final int MAX_DESCRIPTION_LENGTH = 200;

	private static final String COLUMNS = """
			id, user_id, scope, url, events, description, secret_ciphertext, secret_nonce, secret_key_id, status,
			disabled_reason, created_at""";

	private final JdbcClient jdbc;

	private final UserSecrets secrets;

	private final OutboundAddressGuard guard;

	private final WebhookOutbox outbox;

	private final Clock clock;

	WebhookEndpoints(JdbcClient jdbc, UserSecrets secrets, OutboundAddressGuard guard, WebhookOutbox outbox,
			Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.guard = guard;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** A new endpoint and its secret, which is not shown again. */
	Created create(AuthenticatedUser caller, NewEndpoint request) {
		Map<String, String> invalid = new LinkedHashMap<>();
		String url = url(request.url(), invalid);
		List<String> events = events(request.events(), invalid);
		String scope = scope(caller, request.scope(), invalid);
		String description = request.description() == null || request.description().isBlank() ? null
				: request.description().strip();
		if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
			invalid.put("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
		}
		if (!invalid.isEmpty()) {
			throw new InvalidEndpoint(invalid);
		}
		UUID id = Ids.next();
		String secret = WebhookSigner.newSecret();
		Instant now = clock.instant();
		SealedSecret sealed = secrets.seal(secret, caller.id(), WebhookEndpoint.secretPurpose(id));
		jdbc.sql("""
				insert into webhook_endpoints (%s)
				values (:id, :userId, :scope, :url, :events, :description, :ciphertext, :nonce, :keyId, 'active', null,
				        :createdAt)""".formatted(COLUMNS))
			.param("id", id)
			.param("userId", caller.id())
			.param("scope", scope)
			.param("url", url)
			.param("events", events.toArray(String[]::new))
			.param("description", description)
			.param("ciphertext", sealed.ciphertext())
			.param("nonce", sealed.nonce())
			.param("keyId", sealed.keyId())
			.param("createdAt", now.atOffset(ZoneOffset.UTC))
			.update();
		outbox.refreshSubscriptions();
		return new Created(find(caller.id(), id).orElseThrow(), secret);
	}

	List<WebhookEndpoint> list(UUID userId) {
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where user_id = :userId order by created_at, id")
			.param("userId", userId)
			.query(WebhookEndpoints::endpoint)
			.list();
	}

	Optional<WebhookEndpoint> find(UUID userId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = :id and user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.query(WebhookEndpoints::endpoint)
			.optional();
	}

	/** @return whether the user had such an endpoint (its deliveries go with it) */
	boolean delete(UUID userId, UUID id) {
		boolean deleted = jdbc.sql("delete from webhook_endpoints where id = :id and user_id = :userId")
			.param("id", id)
			.param("userId", userId)
			.update() == 1;
		outbox.refreshSubscriptions();
		return deleted;
	}

	private String url(@Nullable String text, Map<String, String> invalid) {
		if (text == null || text.isBlank()) {
			invalid.put("url", "is required");
			return "";
		}
		String url = text.strip();
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			invalid.put("url", "must be an absolute http or https URL");
			return url;
		}
		String schemeName = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(schemeName.equals("https") || schemeName.equals("http")) || uri.getHost() == null
				|| uri.getUserInfo() != null) {
			invalid.put("url", "must be an absolute http or https URL without credentials");
		}
		else if (url.length() > MAX_URL_LENGTH) {
			invalid.put("url", "must be at most " + MAX_URL_LENGTH + " characters");
		}
		else if (guard.refusesOnSight(uri.getHost())) {
			invalid.put("url", "must point at a public address (this server calls no private or local one)");
		}
		return url;
	}

	private static List<String> events(@Nullable List<String> events, Map<String, String> invalid) {
		if (events == null || events.isEmpty()) {
			invalid.put("events", "must name at least one of " + String.join(", ", WebhookEvents.TYPES));
			return List.of();
		}
		List<String> unknown = events.stream().filter(type -> !WebhookEvents.TYPES.contains(type)).toList();
		if (!unknown.isEmpty()) {
			invalid.put("events", "knows no " + String.join(", ", unknown) + "; the event types are "
					+ String.join(", ", WebhookEvents.TYPES));
		}
		return events.stream().distinct().toList();
	}

	private static String scope(AuthenticatedUser caller, @Nullable String scope, Map<String, String> invalid) {
		if (scope == null || scope.isBlank() || scope.equals(WebhookEndpoint.OWN)) {
			return WebhookEndpoint.OWN;
		}
		if (!scope.equals(WebhookEndpoint.ALL)) {
			invalid.put("scope", "must be own or all");
		}
		else if (!caller.isAdmin()) {
			invalid.put("scope", "all (everyone's events) is for admins only");
		}
		return scope;
	}

	static WebhookEndpoint endpoint(ResultSet row, int rowNumber) throws SQLException {
		String[] events = (String[]) row.getArray("events").getArray();
		return new WebhookEndpoint(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("scope"), row.getString("url"), Arrays.asList(events), row.getString("description"),
				new SealedSecret(row.getInt("secret_key_id"), row.getBytes("secret_nonce"),
						row.getBytes("secret_ciphertext")),
				row.getString("status"), row.getString("disabled_reason"),
				row.getTimestamp("created_at").toInstant());
	}

	record NewEndpoint(@Nullable String url, @Nullable List<String> events, @Nullable String scope,
			@Nullable String description) {
	}

	record Created(WebhookEndpoint endpoint, String secret) {
	}

	/** An endpoint with invalid fields, all of them named. */
	static final class InvalidEndpoint extends InvalidFields {

		InvalidEndpoint(Map<String, String> fields) {
			super("The webhook endpoint is invalid.", fields);
		}
	}
}
