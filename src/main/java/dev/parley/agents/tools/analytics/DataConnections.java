package dev.parley.agents.tools.analytics;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.ai.UserSecrets;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.Ids;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's data connections: add (every field checked at once, the key sealed), list, remove, and
 * read one back with its key for a tool call. Every operation takes the acting user's id and finds
 * only what that user owns, so another user's connection is {@link DataConnectionNotFound} like an
 * unknown id.
 */
@Service
class DataConnections {

	static final int LONGEST_NAME = 100;

	static final int LONGEST_KEY_JSON = 16_384;

	private static final Pattern PROPERTY_ID = Pattern.compile("(?:properties/)?([0-9]{1,20})");

	private final DataConnectionRepository repository;

	private final UserSecrets secrets;

	private final OutboundAddressGuard guard;

	private final AnalyticsProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	DataConnections(DataConnectionRepository repository, UserSecrets secrets, OutboundAddressGuard guard,
			AnalyticsProperties properties, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.secrets = secrets;
		this.guard = guard;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	DataConnection add(UUID userId, @Nullable String kind, @Nullable String name, @Nullable String propertyId,
			@Nullable String serviceAccountJson) {
		FieldChecks checks = new FieldChecks();
		if (kind == null || !kind.equals(DataConnection.GOOGLE_ANALYTICS)) {
			checks.refuse("kind", "must be '" + DataConnection.GOOGLE_ANALYTICS + "'");
		}
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > LONGEST_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
			checks.refuse("name", "must be 1 to " + LONGEST_NAME + " characters, no control characters");
		}
		var property = propertyId == null ? null : PROPERTY_ID.matcher(propertyId.strip());
		if (property == null || !property.matches()) {
			checks.refuse("property_id", "must be the GA4 property's number, such as 123456789");
		}
		ServiceAccountKey key = null;
		if (serviceAccountJson == null || serviceAccountJson.isBlank()) {
			checks.refuse(ServiceAccountKey.FIELD, "must be the content of a service account key file");
		}
		else if (serviceAccountJson.length() > LONGEST_KEY_JSON) {
			checks.refuse(ServiceAccountKey.FIELD, "is longer than " + LONGEST_KEY_JSON + " characters");
		}
		else {
			key = checks.check(() -> checkedKey(serviceAccountJson));
		}
		checks.throwIfAny();
		UUID id = Ids.next();
		DataConnection connection = new DataConnection(id, userId, kind, cleanName, property.group(1),
				key.clientEmail(), secrets.seal(serviceAccountJson, userId, DataConnection.SECRET_PURPOSE),
				clock.instant());
		try {
			repository.insert(connection);
		}
		catch (DuplicateKeyException ex) {
			throw new DataConnectionNameTaken(cleanName);
		}
		return connection;
	}

	CursorPage<DataConnection> list(UUID userId, @Nullable String cursor, int limit) {
		UUID after = null;
		if (cursor != null && !cursor.isBlank()) {
			try {
				after = UUID.fromString(cursor);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidFields(Map.of("cursor", "is not a cursor of this list"));
			}
		}
		return CursorPage.of(repository.page(userId, after, limit), limit, row -> row.id().toString());
	}

	DataConnection get(UUID id, UUID userId) {
		return repository.findOwned(id, userId).orElseThrow(DataConnectionNotFound::new);
	}

	void remove(UUID id, UUID userId) {
		if (!repository.deleteOwned(id, userId)) {
			throw new DataConnectionNotFound();
		}
	}

	List<DataConnection> googleAnalytics(UUID userId) {
		return repository.findAll(userId, DataConnection.GOOGLE_ANALYTICS);
	}

	boolean hasGoogleAnalytics(UUID userId) {
		return repository.exists(userId, DataConnection.GOOGLE_ANALYTICS);
	}

	/** The connection's key in clear, checked again; empty when it no longer opens (a lost encryption key). */
	Optional<ServiceAccountKey> key(DataConnection connection) {
		return secrets.open(connection.key(), connection.userId(), DataConnection.SECRET_PURPOSE)
			.map(text -> ServiceAccountKey.parse(text, json, properties.allowHttpTokenUri()));
	}

	private ServiceAccountKey checkedKey(String serviceAccountJson) {
		ServiceAccountKey key = ServiceAccountKey.parse(serviceAccountJson, json, properties.allowHttpTokenUri());
		if (guard.refusesOnSight(key.tokenUri().getHost())) {
			throw new InvalidFields(Map.of(ServiceAccountKey.FIELD,
					"has a token_uri on a private or local address, which this server does not call"));
		}
		return key;
	}
}
