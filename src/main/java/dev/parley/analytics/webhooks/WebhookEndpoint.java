package dev.parley.analytics.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.SealedSecret;
import org.jspecify.annotations.Nullable;

/**
 * A URL that receives some event types: of its owner's ({@code own}), or of everyone's
 * ({@code all}, admins only). Disabled when it answered 410 Gone.
 */
record WebhookEndpoint(UUID id, UUID userId, String scope, String url, List<String> events,
		@Nullable String description, SealedSecret secret, String status, @Nullable String disabledReason,
		Instant createdAt) {

	static final String OWN = "own";

	static final String ALL = "all";

	static final String ACTIVE = "active";

	static final String DISABLED = "disabled";

	/** What an endpoint's secret is sealed for: it opens only for this purpose and owner. */
	static String secretPurpose(UUID endpointId) {
		return "webhook:" + endpointId;
	}
}
