package dev.parley.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.parley.platform.Timestamps;
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

	private final Clock clock;

	Replies(ChatRepository chats, MessageRepository messages, JdbcClient jdbc, Clock clock) {
		this.chats = chats;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
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
		if (contents.isEmpty()) {
			return Set.of();
		}
		UUID[] ids = contents.keySet().toArray(UUID[]::new);
		String[] texts = Arrays.stream(ids).map(contents::get).toArray(String[]::new);
		return Set.copyOf(jdbc.sql("""
				update messages m set content = v.content, updated_at = :now
				from unnest(cast(:ids as uuid[]), cast(:contents as text[])) as v(id, content)
				where m.id = v.id and m.status = 'STREAMING'
				returning m.id
				""")
			.param("now", Timestamps.sql(clock.instant()))
			.param("ids", ids)
			.param("contents", texts)
			.query(UUID.class)
			.list());
	}

	/**
	 * Completes a streaming reply; empty when it had already ended (cancelled meanwhile) or has been
	 * deleted. The same holds for {@link #fail} and {@link #interrupt}.
	 */
	@Transactional
	public Optional<Message> complete(UUID messageId, String content, String answeringModel, Usage usage) {
		return finish(messageId, reply -> reply.complete(content, answeringModel, usage, clock.instant()));
	}

	@Transactional
	public Optional<Message> fail(UUID messageId, String receivedContent, String reason) {
		return finish(messageId, reply -> reply.fail(receivedContent, reason, clock.instant()));
	}

	@Transactional
	public Optional<Message> interrupt(UUID messageId, String receivedContent) {
		return finish(messageId, reply -> reply.interrupt(receivedContent, clock.instant()));
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
	 * its generation died with its process. Returns how many were closed.
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
	 * replies, tool messages and replies still streaming are left out. Only role and content are
	 * read: long chats must not cost a full mapping of every message on every turn.
	 */
	public List<HistoryMessage> promptHistory(UUID chatId, UUID userId, int maxMessages, int maxChars) {
		List<HistoryMessage> history = jdbc.sql("""
				select role, content from (
				    select m.id, m.role, m.content,
				           sum(char_length(m.content)) over (order by m.id desc) as reach
				    from messages m join chats c on c.id = m.chat_id
				    where m.chat_id = :chatId and c.user_id = :userId
				      and m.status in ('COMPLETED', 'INTERRUPTED') and m.role <> 'TOOL' and m.content <> ''
				    order by m.id desc
				    limit :maxMessages
				) recent
				where reach - char_length(content) < :maxChars
				order by id
				""")
			.param("chatId", chatId)
			.param("userId", userId)
			.param("maxMessages", maxMessages)
			.param("maxChars", maxChars)
			.query((row, n) -> new HistoryMessage(MessageRole.valueOf(row.getString(1)), row.getString(2)))
			.list();
		if (history.isEmpty() && !chats.existsOwned(chatId, userId)) {
			throw new ChatNotFound();
		}
		return history;
	}

	private Optional<Message> finish(UUID messageId, Consumer<Message> outcome) {
		Optional<Message> reply = messages.lockStreaming(messageId);
		reply.ifPresent(outcome);
		return reply.map(messages::save);
	}

}
