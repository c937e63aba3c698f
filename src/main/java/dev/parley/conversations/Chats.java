package dev.parley.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import dev.parley.platform.Timestamps;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversations module's API: a user's chats and their messages. Every operation takes the id of
 * the user acting and finds only what that user owns, so another user's chat or message fails with
 * {@link ChatNotFound} or {@link MessageNotFound} exactly as an unknown id does.
 */
@Service
public class Chats {

	private final ChatRepository chats;

	private final MessageRepository messages;

	private final ConversationQueries queries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<ChatReferences> references;

	Chats(ChatRepository chats, MessageRepository messages, ConversationQueries queries,
			ApplicationEventPublisher events, Clock clock, ObjectProvider<ChatReferences> references) {
		this.references = references;
		this.chats = chats;
		this.messages = messages;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	/** A new, empty chat; a blank title, model or system prompt is left unset. */
	@Transactional
	public Chat start(UUID userId, String title, String model, String systemPrompt) {
		Chat chat = chats.save(Chat.start(userId, title, model, systemPrompt, clock.instant()));
		events.publishEvent(new ChatCreated(chat.id(), userId));
		return chat;
	}

	public Chat get(UUID chatId, UUID userId) {
		return queries.chat(chatId, userId).orElseThrow(ChatNotFound::new);
	}

	/**
	 * A page of the user's chats, newest activity (last message, or creation) first.
	 * @param cursor where the previous page ended, {@code null} for the first page
	 * @param limit the page size, clamped to {@link PageLimit 1..100}
	 */
	public CursorPage<Chat> list(UUID userId, ChatFilter filter, @Nullable Cursor cursor, int limit) {
		int size = PageLimit.clamp(limit);
		return CursorPage.of(queries.chats(userId, filter, cursor, size), size,
				chat -> new Cursor(chat.activityAt(), chat.id()).encode());
	}

	/**
	 * Where the user's own chats match a full-text search (PostgreSQL, English stemming, web-search
	 * syntax: {@code "exact phrase"}, {@code or}, {@code -excluded}): message text and chat titles,
	 * best match first. Only this user's chats are searched.
	 * @param limit the most matches, clamped to {@link PageLimit 1..100}
	 */
	public java.util.List<MessageMatch> search(UUID userId, String query, int limit) {
		if (query.isBlank()) {
			return java.util.List.of();
		}
		return queries.search(userId, query, PageLimit.clamp(limit));
	}

	@Transactional
	public Chat update(UUID chatId, UUID userId, ChatChanges changes) {
		Chat current = get(chatId, userId);
		UUID agentId = changes.agentId() == null ? current.agentId() : null;
		UUID projectId = changes.projectId() == null ? current.projectId() : null;
		FieldChecks checks = new FieldChecks();
		if (changes.agentId() != null && !changes.agentId().isBlank()) {
			agentId = checks.check(() -> reference("agent_id", changes.agentId(), id -> references().isOwnAgent(userId, id)));
		}
		if (changes.projectId() != null && !changes.projectId().isBlank()) {
			projectId = checks.check(
					() -> reference("project_id", changes.projectId(), id -> references().isOwnProject(userId, id)));
		}
		checks.throwIfAny();
		UUID placedAgent = agentId;
		UUID placedProject = projectId;
		Instant now = clock.instant();
		return change(chatId, userId, chat -> {
			chat.change(changes, now);
			chat.place(placedAgent, placedProject, now);
		});
	}

	/**
	 * A new, empty chat with its agent and project, each the user's own or {@code null}; every
	 * field that names something else is reported at once.
	 */
	@Transactional
	public Chat start(UUID userId, @Nullable String title, @Nullable String model, @Nullable String systemPrompt,
			@Nullable String agentId, @Nullable String projectId) {
		FieldChecks checks = new FieldChecks();
		UUID agent = agentId == null || agentId.isBlank() ? null
				: checks.check(() -> reference("agent_id", agentId, id -> references().isOwnAgent(userId, id)));
		UUID project = projectId == null || projectId.isBlank() ? null
				: checks.check(() -> reference("project_id", projectId, id -> references().isOwnProject(userId, id)));
		checks.throwIfAny();
		Instant now = clock.instant();
		Chat chat = Chat.start(userId, title, model, systemPrompt, now);
		chat.place(agent, project, now);
		Chat saved = chats.save(chat);
		events.publishEvent(new ChatCreated(saved.id(), userId));
		return saved;
	}

	private ChatReferences references() {
		ChatReferences found = references.getIfAvailable();
		if (found == null) {
			throw new IllegalStateException("No module provides ChatReferences");
		}
		return found;
	}

	private static UUID reference(String field, String text, java.util.function.Predicate<UUID> owned) {
		UUID id;
		try {
			id = UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of(field, "must be a UUID");
		}
		if (!owned.test(id)) {
			throw InvalidFields.of(field, field.equals("agent_id") ? "names no agent of yours" : "names no project of yours");
		}
		return id;
	}

	@Transactional
	public Chat archive(UUID chatId, UUID userId, boolean archived) {
		return change(chatId, userId, chat -> chat.archive(archived, clock.instant()));
	}

	@Transactional
	public Chat toggleArchived(UUID chatId, UUID userId) {
		return change(chatId, userId, chat -> chat.archive(!chat.archived(), clock.instant()));
	}

	@Transactional
	public Chat bookmark(UUID chatId, UUID userId, boolean bookmarked) {
		return change(chatId, userId, chat -> chat.bookmark(bookmarked, clock.instant()));
	}

	@Transactional
	public Chat toggleBookmarked(UUID chatId, UUID userId) {
		return change(chatId, userId, chat -> chat.bookmark(!chat.bookmarked(), clock.instant()));
	}

	/** Deletes a chat and all its messages, and publishes {@link ChatDeleted}. */
	@Transactional
	public void delete(UUID chatId, UUID userId) {
		if (!chats.deleteOwned(chatId, userId)) {
			throw new ChatNotFound();
		}
		events.publishEvent(new ChatDeleted(chatId, userId));
	}

	/**
	 * Adds a complete message to the end of a chat and publishes {@link MessagePosted}. The chat's
	 * message count and last message time change in the same transaction.
	 */
	@Transactional
	public Message post(UUID chatId, UUID userId, MessageRole role, String content) {
		Instant now = clock.instant();
		if (!chats.countMessageAdded(chatId, userId, Timestamps.sql(now))) {
			throw new ChatNotFound();
		}
		Message message = messages.insert(Message.written(chatId, role, content, now));
		events.publishEvent(new MessagePosted(chatId, message.id(), userId));
		return message;
	}

	/**
	 * A page of a chat's messages, oldest first.
	 * @param cursor where the previous page ended, {@code null} for the first page
	 * @param limit the page size, clamped to {@link PageLimit 1..100}
	 */
	public CursorPage<Message> history(UUID chatId, UUID userId, @Nullable Cursor cursor, int limit) {
		if (!chats.existsOwned(chatId, userId)) {
			throw new ChatNotFound();
		}
		int size = PageLimit.clamp(limit);
		return CursorPage.of(queries.messages(chatId, cursor, size), size,
				message -> new Cursor(message.createdAt(), message.id()).encode());
	}

	public Message message(UUID messageId, UUID userId) {
		return messages.findOwned(messageId, userId).orElseThrow(MessageNotFound::new);
	}

	/** Replaces a message's content; a reply cannot be edited while the model is still writing it. */
	@Transactional
	public Message edit(UUID messageId, UUID userId, String content) {
		Message message = message(messageId, userId);
		message.edit(content, clock.instant());
		try {
			return messages.save(message);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ChangedConcurrently();
		}
	}

	/**
	 * Deletes a message, and publishes {@link MessageDeleted}; its chat counts one message less and
	 * its last message time moves back.
	 */
	@Transactional
	public void deleteMessage(UUID messageId, UUID userId) {
		UUID chatId = messages.lockChatOfOwned(messageId, userId).orElseThrow(MessageNotFound::new);
		if (!messages.delete(messageId)) {
			throw new MessageNotFound();
		}
		chats.countMessageRemoved(chatId, Timestamps.sql(clock.instant()));
		events.publishEvent(new MessageDeleted(chatId, messageId, userId));
	}

	private Chat change(UUID chatId, UUID userId, Consumer<Chat> change) {
		Chat chat = get(chatId, userId);
		change.accept(chat);
		try {
			return chats.save(chat);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ChangedConcurrently();
		}
	}

}
