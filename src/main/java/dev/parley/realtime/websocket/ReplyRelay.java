package dev.parley.realtime.websocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.conversations.Chats;
import dev.parley.conversations.MessageNotFound;
import dev.parley.conversations.MessagePosted;
import dev.parley.conversations.MessageView;
import dev.parley.realtime.LiveReply;
import dev.parley.realtime.ReplyEvent;
import dev.parley.realtime.ReplyStarted;
import dev.parley.platform.streams.EventBatch;
import dev.parley.realtime.websocket.FanOutMessage.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes to a chat's subscribers, on every node, what happens in it on this node: each message
 * posted ({@code message.created}) and every event of each reply generated here, read from the
 * reply's event log like any other reader (one virtual thread per reply, from its first event to its
 * end) and published in batches. Nothing is encoded for a chat no socket may follow.
 */
@Component
class ReplyRelay {

	private static final Logger log = LoggerFactory.getLogger(ReplyRelay.class);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ChatFanOut fanOut;

	private final Frames frames;

	private final Chats chats;

	ReplyRelay(ChatFanOut fanOut, Frames frames, Chats chats) {
		this.fanOut = fanOut;
		this.frames = frames;
		this.chats = chats;
	}

	/**
	 * A synchronous listener, on the thread that opened the reply: relaying starts before the reply's
	 * first event can be missed, and costs that thread only the start of a virtual thread.
	 */
	@EventListener
	void on(ReplyStarted started) {
		LiveReply reply = started.reply();
		if (started.created() && fanOut.mayHaveSubscribers(reply.chatId())) {
			fanOut.publish(new FanOutMessage.ChatFrames(reply.chatId(), List.of(frames.messageCreated(started.message()))));
		}
		Thread.ofVirtual().name("reply-relay-" + reply.messageId()).start(() -> relay(reply, started.after()));
	}

	/**
	 * A message stored in a chat (a user's message of a turn, or one posted through the API), once
	 * its transaction has committed: subscribers never hear of a message that was rolled back. A
	 * plain listener that registers for the commit itself rather than a
	 * {@code @TransactionalEventListener}: the event publication registry would give every message a
	 * row and, on completion, a second connection while the first is still held.
	 */
	@EventListener
	void on(MessagePosted posted) {
		if (!fanOut.mayHaveSubscribers(posted.chatId())) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					tell(posted);
				}
			});
		}
		else {
			tell(posted);
		}
	}

	private void tell(MessagePosted posted) {
		try {
			fanOut.publish(new FanOutMessage.ChatFrames(posted.chatId(),
					List.of(frames.messageCreated(MessageView.from(chats.message(posted.messageId(), posted.userId()))))));
		}
		catch (MessageNotFound ex) {
			// Deleted right away: there is nothing to tell.
		}
	}

	private void relay(LiveReply reply, long after) {
		UUID chatId = reply.chatId();
		long seq = after;
		try {
			while (true) {
				EventBatch<ReplyEvent> batch = reply.awaitAfter(seq, WAIT);
				if (!batch.events().isEmpty() && fanOut.mayHaveSubscribers(chatId)) {
					List<Frame> encoded = new ArrayList<>(batch.events().size());
					for (int i = 0; i < batch.events().size(); i++) {
						encoded.add(frames.reply(chatId, reply.messageId(), batch.first() + i, batch.events().get(i)));
					}
					fanOut.publish(new FanOutMessage.ChatFrames(chatId, encoded));
				}
				seq = Math.max(seq, batch.last());
				if (batch.closed()) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Stopped relaying reply {} to its chat's sockets", reply.messageId(), ex);
		}
	}
}
