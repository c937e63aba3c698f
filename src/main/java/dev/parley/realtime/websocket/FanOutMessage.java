package dev.parley.realtime.websocket;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What one node tells every node's sockets through the {@link ChatFanOut}. */
sealed interface FanOutMessage {

	/** Frames for every socket subscribed to a chat, in order. */
	record ChatFrames(UUID chatId, List<Frame> frames) implements FanOutMessage {
	}

	/** A frame for every socket of a user. */
	record UserFrame(UUID userId, String json) implements FanOutMessage {
	}

	/** A session was ended through the API: its node closes its socket. */
	record CloseSession(UUID sessionId) implements FanOutMessage {
	}

	/**
	 * One encoded server frame. Frames of a message carry its id and their number in it (a reply's
	 * event number, 0 for {@code message.created}), so a socket never gets one twice. A reply's
	 * ending ({@code done}, {@code error}) is numbered after its log's last event and is not part of
	 * the log: a paused reply that goes on numbers its next event like its pause's ending.
	 */
	record Frame(@Nullable UUID messageId, long seq, String json, boolean ending) {

		Frame(@Nullable UUID messageId, long seq, String json) {
			this(messageId, seq, json, false);
		}
	}
}
