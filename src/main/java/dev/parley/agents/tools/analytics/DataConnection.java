package dev.parley.agents.tools.analytics;

import java.time.Instant;
import java.util.UUID;

import dev.parley.ai.SealedSecret;

/**
 * A user's connection to a data source: for {@code google_analytics}, a GA4 property and the service
 * account key that may read it, kept sealed.
 *
 * @param kind the source ({@value #GOOGLE_ANALYTICS} only, today)
 * @param name what the user calls it, unique among theirs
 * @param propertyId the GA4 property's number
 * @param clientEmail the service account's e-mail (the only part of the key ever shown)
 * @param key the service account key JSON, sealed for {@link #SECRET_PURPOSE}
 */
record DataConnection(UUID id, UUID userId, String kind, String name, String propertyId, String clientEmail,
		SealedSecret key, Instant createdAt) {

	static final String GOOGLE_ANALYTICS = "google_analytics";

	/** What sealed keys of data connections are bound to, with their owner. */
	static final String SECRET_PURPOSE = "data-connection-key";
}
