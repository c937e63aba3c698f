package dev.parley.conversations;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One message of a chat. What a user or system writes is complete at once; a model's reply starts
 * as a {@link MessageStatus#STREAMING streaming} draft that grows as content arrives and then ends
 * completed (with its token usage), failed or interrupted, keeping whatever content it received.
 */
@Table("messages")
public class Message {

	@Id
	private final UUID id;

	private final UUID chatId;

	private final MessageRole role;

	private String content;

	private MessageStatus status;

	private String model;

	@Embedded.Nullable
	private Usage usage;

	private String error;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Message(UUID id, UUID chatId, MessageRole role, String content, MessageStatus status, String model, Usage usage,
			String error, Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.chatId = chatId;
		this.role = role;
		this.content = content;
		this.status = status;
		this.model = model;
		this.usage = usage;
		this.error = error;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/** A message written whole, by a user, a system prompt or a tool. */
	static Message written(UUID chatId, MessageRole role, String content, Instant now) {
		return new Message(Ids.next(), chatId, role, content, MessageStatus.COMPLETED, null, null, null, now, now,
				null);
	}

	/** The start of a model's reply: empty and streaming until it is completed, fails or is interrupted. */
	static Message assistantDraft(UUID chatId, String model, Instant now) {
		return new Message(Ids.next(), chatId, MessageRole.ASSISTANT, "", MessageStatus.STREAMING, model, null, null, now,
				now, null);
	}

	/** This message as it is once stored at this version. */
	Message stored(long storedVersion) {
		return new Message(id, chatId, role, content, status, model, usage, error, createdAt, updatedAt, storedVersion);
	}

	void edit(String content, Instant now) {
		if (status == MessageStatus.STREAMING) {
			throw new MessageStillStreaming();
		}
		this.content = content;
		this.updatedAt = now;
	}

	/**
	 * The reply is whole: its final text, the model that actually wrote it (a fallback may differ
	 * from the one asked for) and the tokens it cost.
	 */
	void complete(String finalContent, String answeringModel, Usage usage, Instant now) {
		finish(MessageStatus.COMPLETED, finalContent, now);
		this.model = answeringModel;
		this.usage = usage;
	}

	/** The provider failed; the reply keeps what arrived, and says why it stopped. */
	void fail(String receivedContent, String reason, Instant now) {
		finish(MessageStatus.FAILED, receivedContent, now);
		this.error = reason;
	}

	/** Cancelled, or cut off by a crash; the reply keeps what arrived. */
	void interrupt(String receivedContent, Instant now) {
		finish(MessageStatus.INTERRUPTED, receivedContent, now);
	}

	private void finish(MessageStatus outcome, String content, Instant now) {
		requireStreaming();
		this.status = outcome;
		this.content = content;
		this.updatedAt = now;
	}

	private void requireStreaming() {
		if (status != MessageStatus.STREAMING) {
			throw new MessageNotStreaming();
		}
	}

	public UUID id() {
		return id;
	}

	public UUID chatId() {
		return chatId;
	}

	public MessageRole role() {
		return role;
	}

	public String content() {
		return content;
	}

	public MessageStatus status() {
		return status;
	}

	/** The model that wrote a reply; {@code null} for what a user or system wrote. */
	public String model() {
		return model;
	}

	/** The tokens a completed reply cost; {@code null} for anything else. */
	public Usage usage() {
		return usage;
	}

	/** Why a failed reply stopped; {@code null} for anything else. */
	public String error() {
		return error;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
