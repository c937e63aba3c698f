package dev.parley.ai.credentials;

/** Whose key paid for a provider call, for usage metering. */
public enum KeySource {

	/** The server's own key (or a provider that needs none, like {@code local}). */
	SERVER,

	/** The user's own key, stored under {@code /api/v1/integrations}. */
	OWN

}
