package dev.parley.conversations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a message is in its life. Written messages are {@link #COMPLETED} at once; a model's reply
 * is {@link #STREAMING} while it arrives and ends {@link #COMPLETED}, {@link #FAILED} (the provider
 * gave up) or {@link #INTERRUPTED} (the client left or the server stopped), keeping what arrived.
 */
public enum MessageStatus {

	COMPLETED, STREAMING, FAILED, INTERRUPTED;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
