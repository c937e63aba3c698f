package dev.parley.realtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.conversations.ChatDeleted;
import dev.parley.conversations.Chats;
import dev.parley.conversations.Message;
import dev.parley.conversations.MessageDeleted;
import dev.parley.conversations.MessageStatus;
import dev.parley.conversations.MessageView;
import dev.parley.conversations.Replies;
import dev.parley.platform.streams.EventSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replies generating on this node. Saves their text and event index together, in one statement
 * for all of them, at least every second while they grow (and a heartbeat while they do not, so the
 * {@link AbandonedReplies sweeper} knows they are alive), and forgets them a while after they end. A
 * reply deleted while it is generated (alone or with its chat) ends gone at once. Whoever runs a
 * turn {@link #open opens} its reply here and attaches the generation to it.
 */
@Service
public class LiveReplies {

	private static final Logger log = LoggerFactory.getLogger(LiveReplies.class);

	static final Duration HEARTBEAT = Duration.ofSeconds(10);

	/** How long an ended reply stays here, so clients that reconnect still find it in memory. */
	static final Duration RETENTION = Duration.ofSeconds(30);

	private final Map<UUID, Entry> replies = new ConcurrentHashMap<>();

	private final Replies stored;

	private final Chats chats;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	LiveReplies(Replies stored, Chats chats, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.stored = stored;
		this.chats = chats;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** The live reply of a draft just created for this user; its events are numbered from 1. */
	public LiveReply open(Message draft, UUID userId) {
		LiveReply reply = new LiveReply(draft.id(), draft.chatId(), stored, id -> stored.get(id, userId), json,
				clock.instant());
		replies.put(reply.messageId(), new Entry(reply));
		events.publishEvent(new ReplyStarted(reply, MessageView.from(draft), true, 0));
		return reply;
	}

	/**
	 * The live reply of a paused reply that goes on (already resumed in its row): it starts with the
	 * events it had, so the new ones are numbered after them, on whichever node it goes on.
	 */
	public LiveReply reopen(Message resumed, UUID userId) {
		LiveReply reply = new LiveReply(resumed.id(), resumed.chatId(), stored, id -> stored.get(id, userId), json,
				clock.instant());
		java.util.List<ReplyEvent> earlier = EventIndex.read(resumed.eventIndex(), resumed.content(), json);
		reply.replay(earlier);
		replies.put(reply.messageId(), new Entry(reply));
		events.publishEvent(new ReplyStarted(reply, MessageView.from(resumed), false, earlier.size()));
		return reply;
	}

	Optional<LiveReply> find(UUID messageId) {
		return Optional.ofNullable(replies.get(messageId)).map(Entry::reply);
	}

	/**
	 * Follows a reply of this user: live if it is generating here, else through its stored row.
	 * @throws dev.parley.conversations.MessageNotFound when it is not theirs
	 */
	public EventSource<ReplyEvent> follow(UUID messageId, UUID userId) {
		Message reply = stored.get(messageId, userId);
		return find(reply.id()).<EventSource<ReplyEvent>>map(running -> running)
			.orElseGet(() -> new StoredReply(() -> stored.get(messageId, userId), json));
	}

	/**
	 * Stops a reply of this user that is still being generated, keeping what it received.
	 * @throws dev.parley.conversations.MessageNotFound when it is not theirs
	 * @throws ReplyNotRunning (a 409) when it is not being generated
	 */
	public MessageView cancel(UUID messageId, UUID userId) {
		Message message = chats.message(messageId, userId);
		if (message.status() != MessageStatus.STREAMING) {
			throw new ReplyNotRunning();
		}
		return find(messageId).map(reply -> {
			reply.cancel();
			ReplyOutcome outcome = reply.outcome().join();
			if (outcome.message() == null) {
				throw new ReplyGone();
			}
			return outcome.message();
		}).orElseGet(() -> MessageView.from(stored.interruptOwned(messageId, userId)));
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
		Map<UUID, LiveReply.Due> due = new HashMap<>();
		replies.values().forEach(entry -> {
			if (forgetIfLongEnded(entry, now)) {
				return;
			}
			LiveReply.Due progress = entry.reply().progressToSave(now, HEARTBEAT);
			if (progress != null) {
				due.put(entry.reply().messageId(), progress);
			}
		});
		if (due.isEmpty()) {
			return;
		}
		Map<UUID, Replies.Progress> progress = new HashMap<>();
		due.forEach((id, reply) -> progress.put(id, reply.progress()));
		Set<UUID> streaming;
		try {
			streaming = stored.saveReplies(progress);
		}
		catch (RuntimeException ex) {
			log.warn("Could not save the progress of {} replies; retrying in a second", due.size(), ex);
			return;
		}
		due.forEach((id, saved) -> find(id).ifPresent(reply -> {
			reply.saved(saved, now);
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

	private static final class Entry {

		private final LiveReply reply;

		private @Nullable Instant endedAt;

		Entry(LiveReply reply) {
			this.reply = reply;
		}

		LiveReply reply() {
			return reply;
		}
	}
}
