package dev.parley.analytics;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.JsonDocument;

/**
 * A named thing that happened to a user: sent by a client ({@code source} {@code client}) or
 * recorded by the server from a module's event ({@code server}: {@code chat.created},
 * {@code message.posted}, ...).
 */
record AnalyticsEvent(UUID id, UUID userId, String name, String source, JsonDocument properties, Instant occurredAt,
		Instant receivedAt) {

	static final String CLIENT = "client";

	static final String SERVER = "server";
}
