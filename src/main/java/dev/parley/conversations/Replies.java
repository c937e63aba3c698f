package dev.parley.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.parley.platform.JsonText;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A model's replies in a chat, as they are written: a reply exists as a {@code streaming} message
 * from its first moment, its text is saved as it grows, and it ends completed, failed or
 * interrupted with everything that was received. The module's API for whoever runs the model.
 */
@Service
public class Replies {

	private final ChatRepository chats;

	private final MessageRepository messages;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PromptHistory history;

	private final MessageAttachments attachments;

	Replies(ChatRepository chats, MessageRepository messages, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.chats = chats;
		this.messages = messages;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.history = new PromptHistory(chats, jdbc);
		this.attachments = new MessageAttachments(jdbc);
	}

	/**
	 * Starts a turn in one transaction, before any model is called: stores the user's message
	 * (publishing {@link MessagePosted}), reads the history a prompt is made of (as
	 * {@link #promptHistory}, so it ends with that message), and creates the reply's streaming draft.
	 * Either all three happen or nothing is stored.
	 * @param model the model the reply is asked of, recorded on the draft
	 * @param maxHistoryMessages and {@code maxHistoryChars}: how much history to read at most
	 * @throws ChatNotFound when the chat is not this user's
	 */
	@Transactional
	public TurnStart beginTurn(UUID chatId, UUID userId, String content, String model, int maxHistoryMessages,
			int maxHistoryChars) {
		return beginTurn(chatId, userId, content, List.of(), model, maxHistoryMessages, maxHistoryChars);
	}

	/**
	 * As {@link #beginTurn(UUID, UUID, String, String, int, int)}, the user's message carrying files.
	 * @param fileIds files of the user's ({@link UserFiles}), in order; any other id fails the whole turn
	 *     with {@code file_ids} named
	 */
	@Transactional
	public TurnStart beginTurn(UUID chatId, UUID userId, String content, List<UUID> fileIds, String model,
			int maxHistoryMessages, int maxHistoryChars) {
		Instant now = clock.instant();
		// Counts both messages, the user's and the reply's draft, in one statement that also locks the chat.
		if (!chats.countMessagesAdded(chatId, userId, 2, Timestamps.sql(now))) {
			throw new ChatNotFound();
		}
		Message userMessage = messages.insert(Message.written(chatId, MessageRole.USER, content, now));
		attachments.attach(userMessage.id(), userId, fileIds);
		events.publishEvent(new MessagePosted(chatId, userMessage.id(), userId));
		List<HistoryMessage> history = promptHistory(chatId, userId, maxHistoryMessages, maxHistoryChars);
		Message draft = messages.insert(Message.assistantDraft(chatId, model, now));
		return new TurnStart(userMessage, history, draft);
	}

	/**
	 * A turn as {@link #beginTurn} started it.
	 * @param userMessage the user's message, stored
	 * @param history what the prompt is made of, oldest first, ending with the user's message
	 * @param draft the reply, streaming and empty
	 */
	public record TurnStart(Message userMessage, List<HistoryMessage> history, Message draft) {

		public TurnStart {
			history = List.copyOf(history);
		}
	}

	/**
	 * What a reply has received so far: its text and the index of its events (see
	 * {@link Message#eventIndex()}), saved together so they always agree.
	 */
	public record Progress(String content, @Nullable JsonText eventIndex) {
	}

	/** An empty streaming reply at the end of the chat, counted as one of its messages. */
	@Transactional
	public Message start(UUID chatId, UUID userId, String model) {
		Instant now = clock.instant();
		if (!chats.countMessageAdded(chatId, userId, Timestamps.sql(now))) {
			throw new ChatNotFound();
		}
		return messages.insert(Message.assistantDraft(chatId, model, now));
	}

	/**
	 * A reply of this user: a model's message in one of their chats. Anything else (a message they
	 * wrote, another user's message, one deleted meanwhile) is {@link MessageNotFound}.
	 */
	public Message get(UUID messageId, UUID userId) {
		return messages.findOwned(messageId, userId)
			.filter(message -> message.role() == MessageRole.ASSISTANT)
			.orElseThrow(MessageNotFound::new);
	}

	/**
	 * Saves the text received so far. Returns false when the reply is no longer streaming (it was
	 * cancelled or swept meanwhile): whoever generates it should stop.
	 */
	public boolean saveProgress(UUID messageId, String content) {
		return saveProgress(Map.of(messageId, content)).contains(messageId);
	}

	/**
	 * Saves the text of many streaming replies in one statement (a node streaming a thousand replies
	 * saves them all each second). Returns the ids of those still streaming; the others were
	 * cancelled or swept meanwhile, and whoever generates them should stop.
	 */
	public Set<UUID> saveProgress(Map<UUID, String> contents) {
		Map<UUID, Progress> progress = new java.util.HashMap<>();
		contents.forEach((id, content) -> progress.put(id, new Progress(content, null)));
		return saveReplies(progress);
	}

	/**
	 * As {@link #saveProgress(Map)}, with each reply's event index saved with its text in the same
	 * statement (an index that is {@code null} is left as it was).
	 */
	public Set<UUID> saveReplies(Map<UUID, Progress> progress) {
		if (progress.isEmpty()) {
			return Set.of();
		}
		UUID[] ids = progress.keySet().toArray(UUID[]::new);
		String[] texts = new String[ids.length];
		@Nullable String[] indexes = new String[ids.length];
		for (int i = 0; i < ids.length; i++) {
			Progress reply = progress.get(ids[i]);
			texts[i] = reply.content();
			indexes[i] = reply.eventIndex() == null ? null : reply.eventIndex().json();
		}
		return Set.copyOf(jdbc.sql("""
				update messages m set content = v.content, updated_at = :now,
				       event_index = coalesce(cast(v.event_index as jsonb), m.event_index)
				from unnest(cast(:ids as uuid[]), cast(:contents as text[]), cast(:indexes as text[]))
				     as v(id, content, event_index)
				where m.id = v.id and m.status = 'STREAMING'
				returning m.id
				""")
			.param("now", Timestamps.sql(clock.instant()))
			.param("ids", ids)
			.param("contents", texts)
			.param("indexes", indexes)
			.query(UUID.class)
			.list());
	}

	/**
	 * Completes a streaming reply; empty when it had already ended (cancelled meanwhile) or has been
	 * deleted. The same holds for {@link #fail} and {@link #interrupt}.
	 */
	@Transactional
	public Optional<Message> complete(UUID messageId, String content, String answeringModel, Usage usage) {
		return complete(messageId, new Progress(content, null), answeringModel, usage);
	}

	/** As {@link #complete(UUID, String, String, Usage)}, keeping the reply's final event index. */
	@Transactional
	public Optional<Message> complete(UUID messageId, Progress received, String answeringModel, Usage usage) {
		return finish(messageId, received,
				reply -> reply.complete(received.content(), answeringModel, usage, clock.instant()));
	}

	@Transactional
	public Optional<Message> fail(UUID messageId, String receivedContent, String reason) {
		return fail(messageId, new Progress(receivedContent, null), reason);
	}

	@Transactional
	public Optional<Message> fail(UUID messageId, Progress received, String reason) {
		return finish(messageId, received, reply -> reply.fail(received.content(), reason, clock.instant()));
	}

	@Transactional
	public Optional<Message> interrupt(UUID messageId, String receivedContent) {
		return interrupt(messageId, new Progress(receivedContent, null));
	}

	@Transactional
	public Optional<Message> interrupt(UUID messageId, Progress received) {
		return finish(messageId, received, reply -> reply.interrupt(received.content(), clock.instant()));
	}

	/**
	 * Keeps the parsed JSON answer of a structured run on its reply, which is still streaming: the
	 * reply then completes with it.
	 */
	public void recordStructured(UUID messageId, String json) {
		jdbc.sql("update messages set structured = cast(:json as jsonb) where id = :id")
			.param("json", json)
			.param("id", messageId)
			.update();
	}

	/** Pauses a streaming reply until a person decides on a tool call, keeping what it received. */
	@Transactional
	public Optional<Message> awaitApproval(UUID messageId, Progress received) {
		return finish(messageId, received, reply -> reply.awaitApproval(received.content(), clock.instant()));
	}

	/**
	 * A reply of this user paused for approval streams again.
	 * @throws MessageNotFound when it is not theirs
	 * @throws MessageNotStreaming when it is not paused (it went on, or ended, already)
	 */
	@Transactional
	public Message resume(UUID messageId, UUID userId) {
		Message reply = messages.findOwned(messageId, userId).orElseThrow(MessageNotFound::new);
		reply.resume(clock.instant());
		return messages.save(reply);
	}

	/**
	 * Interrupts a reply of this user that is streaming but that no live generation here holds
	 * (another node's, or a crashed one's), keeping its saved text.
	 */
	@Transactional
	public Message interruptOwned(UUID messageId, UUID userId) {
		Message reply = messages.findOwned(messageId, userId).orElseThrow(MessageNotFound::new);
		reply.interrupt(reply.content(), clock.instant());
		return messages.save(reply);
	}

	/**
	 * Interrupts every reply left streaming whose text has not been saved for {@code quietFor}:
	 * its generation died with its process. Returns how many were closed. Replies awaiting approval
	 * are paused, not abandoned: they are left alone.
	 */
	public int interruptAbandoned(Duration quietFor) {
		return jdbc.sql("update messages set status = 'INTERRUPTED' where status = 'STREAMING' and updated_at < ?")
			.params(Timestamps.sql(clock.instant().minus(quietFor)))
			.update();
	}

	/**
	 * What a prompt is made of: the chat's latest finished messages with text, oldest first, at
	 * most {@code maxMessages} of them and no more than reach back {@code maxChars} characters (the
	 * message that crosses that mark is included, so the caller can trim it precisely). Failed
	 * replies and replies still streaming or awaiting approval are left out; an assistant message's
	 * tool calls and the tool messages answering them are kept. Only role, content and tool calls are
	 * read: long chats must not cost a full mapping of every message on every turn.
	 */
	public List<HistoryMessage> promptHistory(UUID chatId, UUID userId, int maxMessages, int maxChars) {
		return promptHistory(chatId, userId, maxMessages, maxChars, null);
	}

	/**
	 * As {@link #promptHistory(UUID, UUID, int, int)}, of the messages written before {@code before}
	 * only (a reply going on after a pause sees the history it started with), or all when {@code null}.
	 */
	public List<HistoryMessage> promptHistory(UUID chatId, UUID userId, int maxMessages, int maxChars,
			@Nullable UUID before) {
		return history.read(chatId, userId, maxMessages, maxChars, before);
	}

	private Optional<Message> finish(UUID messageId, Progress received, Consumer<Message> outcome) {
		Optional<Message> reply = messages.lockStreaming(messageId);
		reply.ifPresent(outcome.andThen(message -> message.indexEvents(received.eventIndex())));
		return reply.map(messages::update);
	}

}
