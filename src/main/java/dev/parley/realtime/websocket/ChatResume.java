package dev.parley.realtime.websocket;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.conversations.Chats;
import dev.parley.conversations.Message;
import dev.parley.conversations.MessageNotFound;
import dev.parley.conversations.MessageView;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.streams.EventBatch;
import dev.parley.platform.streams.EventSource;
import dev.parley.realtime.LiveReplies;
import dev.parley.realtime.ReplyEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A {@code subscribe} with {@code after}: the client had a reply's frames up to {@code seq} and gets
 * exactly those it missed, read from the reply's event log (the same one SSE {@code Last-Event-ID}
 * resumes from, on any node), then the chat's live frames with none twice and none skipped. When the
 * gap cannot be filled (the message was deleted, is no reply of the chat, or the log never reached
 * {@code seq}) it gets {@code recovered: false} and a snapshot of the chat's latest messages instead.
 */
@Component
class ChatResume {

	/** The most messages a snapshot holds (the latest). */
	static final int SNAPSHOT_MESSAGES = 50;

	private static final Duration POLL = Duration.ofSeconds(1);

	/** A reply silent this long (a tool at work) is followed by the fan-out alone from then on. */
	private static final Duration CATCH_UP_AT_MOST = Duration.ofSeconds(30);

	private final LiveReplies live;

	private final Chats chats;

	private final Frames frames;

	ChatResume(LiveReplies live, Chats chats, Frames frames) {
		this.live = live;
		this.chats = chats;
		this.frames = frames;
	}

	/**
	 * Sends the acknowledgement, the missed frames and then the held live ones. The subscription
	 * holds the fan-out's frames until then.
	 */
	void resume(ChatSubscription subscription, UUID userId, ClientFrame.After after, Map<String, Object> ack)
			throws InterruptedException {
		UUID chatId = subscription.chatId();
		EventBatch<ReplyEvent> batch = firstBatch(chatId, userId, after);
		if (batch == null || batch.closed() && after.seq() > batch.last()) {
			ack.put("recovered", false);
			ack.put("snapshot", Map.of("messages", latestMessages(chatId, userId)));
			subscription.socket().send(frames.of("session.started", ack));
			subscription.release();
			return;
		}
		ack.put("recovered", true);
		subscription.socket().send(frames.of("session.started", ack));
		subscription.seen(after.messageId(), after.seq());
		EventSource<ReplyEvent> source = live.follow(after.messageId(), userId);
		long last = send(subscription, after.messageId(), batch, after.seq());
		long quietSince = System.nanoTime();
		while (!batch.closed() && subscription.socket().open()
				&& !subscription.heldContinue(after.messageId(), last)
				&& System.nanoTime() - quietSince < CATCH_UP_AT_MOST.toNanos()) {
			batch = source.awaitAfter(last, POLL);
			if (!batch.events().isEmpty()) {
				quietSince = System.nanoTime();
			}
			last = send(subscription, after.messageId(), batch, last);
		}
		subscription.release();
	}

	/** The reply's events after {@code after}, as far as its log has them now; null when it is gone. */
	private @Nullable EventBatch<ReplyEvent> firstBatch(UUID chatId, UUID userId, ClientFrame.After after)
			throws InterruptedException {
		Message message;
		try {
			message = chats.message(after.messageId(), userId);
		}
		catch (MessageNotFound ex) {
			return null;
		}
		if (!message.chatId().equals(chatId)) {
			return null;
		}
		return live.follow(after.messageId(), userId).awaitAfter(after.seq(), Duration.ZERO);
	}

	/** Sends the events of the batch numbered after {@code last}; returns the number of the last sent. */
	private long send(ChatSubscription subscription, UUID messageId, EventBatch<ReplyEvent> batch, long last) {
		long sent = last;
		for (int i = 0; i < batch.events().size(); i++) {
			long seq = batch.first() + i;
			if (seq > sent) {
				subscription.send(frames.reply(subscription.chatId(), messageId, seq, batch.events().get(i)));
				sent = seq;
			}
		}
		return sent;
	}

	/** The chat's latest messages, oldest first. */
	private List<MessageView> latestMessages(UUID chatId, UUID userId) {
		Deque<MessageView> latest = new ArrayDeque<>(SNAPSHOT_MESSAGES);
		Cursor cursor = null;
		do {
			CursorPage<Message> page = chats.history(chatId, userId, cursor, 100);
			for (Message message : page.items()) {
				if (latest.size() == SNAPSHOT_MESSAGES) {
					latest.removeFirst();
				}
				latest.addLast(MessageView.from(message));
			}
			cursor = Cursor.decode(page.nextCursor());
		}
		while (cursor != null);
		return List.copyOf(latest);
	}

	static Map<String, Object> ack(UUID sessionId, UUID chatId) {
		Map<String, Object> ack = new LinkedHashMap<>();
		ack.put("session_id", sessionId);
		ack.put("chat_id", chatId);
		return ack;
	}
}
