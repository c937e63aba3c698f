package dev.parley.ai.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.parley.conversations.ChatDeleted;
import dev.parley.conversations.MessageDeleted;
import dev.parley.conversations.Replies;

/**
 * The replies generating on this node. Saves their text at least every second while it grows (and
 * a heartbeat while it does not), forgets them a while after they end, and at start-up and every
 * half minute interrupts replies whose generation died with some process: those not saved for a
 * minute. A reply deleted while it is generated (alone or with its chat) ends gone at once.
 */
@Component
class LiveReplies {

	private static final Logger log = LoggerFactory.getLogger(LiveReplies.class);

	static final Duration HEARTBEAT = Duration.ofSeconds(10);

	static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

	/** How long an ended reply stays here, so clients that reconnect still find it in memory. */
	static final Duration RETENTION = Duration.ofSeconds(30);

	private final Map<UUID, Entry> replies = new ConcurrentHashMap<>();

	private final Replies stored;

	private final Clock clock;

	LiveReplies(Replies stored, Clock clock) {
		this.stored = stored;
		this.clock = clock;
	}

	void add(LiveReply reply) {
		replies.put(reply.messageId(), new Entry(reply));
	}

	Optional<LiveReply> find(UUID messageId) {
		return Optional.ofNullable(replies.get(messageId)).map(Entry::reply);
	}

	/**
	 * Ends the reply at once (its readers get a 410 error event) and stops its generation.
	 * <p>
	 * A synchronous listener, on the thread that deletes the reply: the replies held here are this
	 * node's memory, so a durable, asynchronous publication (a row in the registry for every deleted
	 * message) would have nothing to redo after a restart, and this way the streams have ended before
	 * the {@code DELETE} is answered. It only ends streams and cancels a subscription, nothing that
	 * could hold up the deleting transaction. Should the deletion not commit after all, the reply's
	 * row stays streaming until the sweeper interrupts it. Replies generated on another node learn it
	 * from their progress flusher ({@link #saveProgress()}), at its next save: their row is no longer
	 * streaming, and their ending finds it gone.
	 */
	@EventListener
	void on(MessageDeleted deleted) {
		find(deleted.messageId()).ifPresent(LiveReply::gone);
	}

	/** As for {@link MessageDeleted}: every reply of the chat still being generated ends at once. */
	@EventListener
	void on(ChatDeleted deleted) {
		replies.values()
			.stream()
			.map(Entry::reply)
			.filter(reply -> reply.chatId().equals(deleted.chatId()))
			.forEach(LiveReply::gone);
	}

	/** Saves every live reply whose text is due in one statement; stops those ended elsewhere. */
	@Scheduled(fixedDelay = 1000)
	void saveProgress() {
		Instant now = clock.instant();
		Map<UUID, String> due = new HashMap<>();
		replies.values().forEach(entry -> {
			if (forgetIfLongEnded(entry, now)) {
				return;
			}
			String text = entry.reply().textToSave(now, HEARTBEAT);
			if (text != null) {
				due.put(entry.reply().messageId(), text);
			}
		});
		if (due.isEmpty()) {
			return;
		}
		Set<UUID> streaming;
		try {
			streaming = stored.saveProgress(due);
		}
		catch (RuntimeException ex) {
			log.warn("Could not save the progress of {} replies; retrying in a second", due.size(), ex);
			return;
		}
		due.forEach((id, text) -> find(id).ifPresent(reply -> {
			reply.saved(text, now);
			if (!streaming.contains(id) && !reply.outcome().isDone()) {
				reply.cancel();
			}
		}));
	}

	private boolean forgetIfLongEnded(Entry entry, Instant now) {
		if (!entry.reply().outcome().isDone()) {
			return false;
		}
		if (entry.endedAt == null) {
			entry.endedAt = now;
		}
		else if (entry.endedAt.plus(RETENTION).isBefore(now)) {
			replies.remove(entry.reply().messageId());
		}
		return true;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
	void interruptAbandoned() {
		int swept = stored.interruptAbandoned(ABANDONED_AFTER);
		if (swept > 0) {
			log.info("Interrupted {} replies left streaming by a stopped process", swept);
		}
	}

	private static final class Entry {

		private final LiveReply reply;

		private Instant endedAt;

		Entry(LiveReply reply) {
			this.reply = reply;
		}

		LiveReply reply() {
			return reply;
		}
	}
}
