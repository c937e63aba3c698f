package dev.parley.platform;

import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL could not be started, or was refused: a one-line reason naming the file
 * or setting at fault, and what to do about it.
 */
class EmbeddedDatabaseNotStarted extends IllegalStateException {

	private final String action;

	EmbeddedDatabaseNotStarted(String reason, String action, @Nullable Throwable cause) {
		super(reason, cause);
		this.action = action;
	}

	/** What the operator can do to start the server. */
	String action() {
		return action;
	}
}
