package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a message is in its life. Written messages are {@link #COMPLETED} at once; a model's reply
 * is {@link #STREAMING} while it arrives and ends {@link #COMPLETED}, {@link #FAILED} (the provider
 * gave up) or {@link #INTERRUPTED} (the client left or the server stopped), keeping what arrived. A
 * reply {@link #AWAITING_APPROVAL} is paused until a person approves a tool call it made; no process
 * generates it meanwhile, and the sweeper of abandoned replies leaves it alone.
 */
public enum MessageStatus {

	COMPLETED, STREAMING, FAILED, INTERRUPTED, AWAITING_APPROVAL;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
