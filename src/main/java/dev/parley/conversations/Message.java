package dev.parley.conversations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.platform.JsonText;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message of a chat. What a user or system writes is complete at once; a model's reply starts
 * as a {@link MessageStatus#STREAMING streaming} draft that grows as content arrives and then ends
 * completed (with its token usage), failed or interrupted, keeping whatever content it received.
 * An assistant message may have called tools ({@link #toolCalls()}); a tool message names the call
 * it answers ({@link #toolCallId()}). A reply keeps the index of its event stream
 * ({@link #eventIndex()}), saved with its text, from which any node replays it.
 */
@Table("messages")
public class Message {

	@Id
	private final UUID id;

	private final UUID chatId;

	private final MessageRole role;

	private String content;

	private MessageStatus status;

	private @Nullable String model;

	@Embedded.Nullable
	private @Nullable Usage usage;

	private @Nullable String error;

	private @Nullable JsonText toolCalls;

	private final @Nullable String toolCallId;

	private @Nullable JsonText eventIndex;

	/** Not a constructor argument: Spring Data sets it on read; only replies of structured runs have it. */
	private @Nullable JsonText structured;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	Message(UUID id, UUID chatId, MessageRole role, String content, MessageStatus status, @Nullable String model,
			@Nullable Usage usage, @Nullable String error, @Nullable JsonText toolCalls, @Nullable String toolCallId,
			@Nullable JsonText eventIndex, Instant createdAt, Instant updatedAt, @Nullable Long version) {
		this.id = id;
		this.chatId = chatId;
		this.role = role;
		this.content = content;
		this.status = status;
		this.model = model;
		this.usage = usage;
		this.error = error;
		this.toolCalls = toolCalls;
		this.toolCallId = toolCallId;
		this.eventIndex = eventIndex;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/** A message written whole, by a user, a system prompt or a tool. */
	static Message written(UUID chatId, MessageRole role, String content, Instant now) {
		return new Message(Ids.next(), chatId, role, content, MessageStatus.COMPLETED, null, null, null, null, null, null,
				now, now, null);
	}

	/** The start of a model's reply: empty and streaming until it is completed, fails or is interrupted. */
	static Message assistantDraft(UUID chatId, String model, Instant now) {
		return new Message(Ids.next(), chatId, MessageRole.ASSISTANT, "", MessageStatus.STREAMING, model, null, null, null, null,
				null, now, now, null);
	}

	/** This message as it is once stored at this version. */
	Message stored(long storedVersion) {
		Message stored = new Message(id, chatId, role, content, status, model, usage, error, toolCalls, toolCallId,
				eventIndex, createdAt, updatedAt, storedVersion);
		stored.structured = structured;
		return stored;
	}

	/** The parsed JSON answer of a run whose agent has an output schema, as read. */
	void structured(@Nullable JsonText structured) {
		this.structured = structured;
	}

	/** The parsed JSON answer of a reply of a structured run; {@code null} for any other message. */
	public @Nullable JsonText structured() {
		return structured;
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

	/**
	 * The reply waits for a person to approve a tool call: it keeps what it has received and is
	 * neither abandoned nor ended until the run goes on ({@link #resume}).
	 */
	void awaitApproval(String receivedContent, Instant now) {
		finish(MessageStatus.AWAITING_APPROVAL, receivedContent, now);
	}

	/** A person decided: the paused reply streams again from where it stopped. */
	void resume(Instant now) {
		if (status != MessageStatus.AWAITING_APPROVAL) {
			throw new MessageNotStreaming();
		}
		this.status = MessageStatus.STREAMING;
		this.updatedAt = now;
	}

	/** The index of the reply's event stream as it ended; kept as it was when {@code null}. */
	void indexEvents(@Nullable JsonText index) {
		if (index != null) {
			this.eventIndex = index;
		}
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
	public @Nullable String model() {
		return model;
	}

	/** The tokens a completed reply cost; {@code null} for anything else. */
	public @Nullable Usage usage() {
		return usage;
	}

	/** Why a failed reply stopped; {@code null} for anything else. */
	public @Nullable String error() {
		return error;
	}

	/** The tools an assistant message called, in order; {@code null} when it called none. */
	public @Nullable List<ToolCallRecord> toolCalls() {
		return toolCalls == null ? null : parseToolCalls(toolCalls);
	}

	@Nullable JsonText toolCallsJson() {
		return toolCalls;
	}

	/** The call a tool message answers; {@code null} for any other message. */
	public @Nullable String toolCallId() {
		return toolCallId;
	}

	/**
	 * How the reply's event stream was numbered, as last saved (see {@code V9_1__reply_event_log.sql});
	 * {@code null} for messages that are no replies, and for replies from before it was kept.
	 */
	public @Nullable JsonText eventIndex() {
		return eventIndex;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	/** The version it was read or stored at; {@code null} before it is stored. */
	@Nullable Long version() {
		return version;
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<ToolCallRecord>> TOOL_CALLS = new TypeReference<>() {
	};

	static List<ToolCallRecord> parseToolCalls(JsonText json) {
		return JSON.readValue(json.json(), TOOL_CALLS);
	}

	static @Nullable JsonText writeToolCalls(@Nullable List<ToolCallRecord> calls) {
		return calls == null || calls.isEmpty() ? null : new JsonText(JSON.writeValueAsString(calls));
	}
}
