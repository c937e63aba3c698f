package dev.parley.realtime.websocket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.realtime.websocket.FanOutMessage.Frame;
import org.jspecify.annotations.Nullable;

/**
 * One socket's subscription to one chat. It sends each frame of a message once and in order: a
 * frame numbered at or before the last one sent for its message is dropped (the same event may come
 * from a resume's catch-up and from the fan-out). While it catches up ({@link #hold}) the frames of
 * the fan-out wait, and go out after the catch-up's.
 */
final class ChatSubscription {

	private final UUID chatId;

	private final LiveSocket socket;

	private final Map<UUID, Long> sent = new HashMap<>();

	private final Map<UUID, Long> endings = new HashMap<>();

	private @Nullable List<Frame> held;

	ChatSubscription(UUID chatId, LiveSocket socket) {
		this.chatId = chatId;
		this.socket = socket;
	}

	UUID chatId() {
		return chatId;
	}

	LiveSocket socket() {
		return socket;
	}

	/** Frames of the chat from the fan-out. */
	synchronized void deliver(List<Frame> frames) {
		if (held != null) {
			held.addAll(frames);
			return;
		}
		frames.forEach(this::sendOnce);
	}

	/** Holds the fan-out's frames until {@link #release}, so that what is sent meanwhile goes first. */
	synchronized void hold() {
		if (held == null) {
			held = new ArrayList<>();
		}
	}

	/** A frame sent directly (an acknowledgement, or one a catch-up read from the reply's log). */
	synchronized void send(Frame frame) {
		sendOnce(frame);
	}

	/** Records that the client has every frame of this message up to {@code seq}. */
	synchronized void seen(UUID messageId, long seq) {
		sent.merge(messageId, seq, Math::max);
	}

	/** Whether the held frames go on from {@code seq} for this message without a gap. */
	synchronized boolean heldContinue(UUID messageId, long seq) {
		return held != null && held.stream()
			.anyMatch(frame -> messageId.equals(frame.messageId()) && frame.seq() <= seq + 1);
	}

	synchronized void release() {
		List<Frame> waiting = held;
		held = null;
		if (waiting != null) {
			waiting.forEach(this::sendOnce);
		}
	}

	private void sendOnce(Frame frame) {
		UUID messageId = frame.messageId();
		if (messageId != null) {
			long last = sent.getOrDefault(messageId, -1L);
			if (frame.seq() <= last || frame.ending() && endings.getOrDefault(messageId, -1L) == frame.seq()) {
				return;
			}
			if (frame.ending()) {
				// The ending is not part of the log: a reply that goes on (after a pause) reuses its number.
				endings.put(messageId, frame.seq());
				sent.put(messageId, frame.seq() - 1);
			}
			else {
				sent.put(messageId, frame.seq());
			}
		}
		socket.send(frame.json());
	}
}
