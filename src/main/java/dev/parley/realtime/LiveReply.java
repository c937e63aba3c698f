package dev.parley.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.parley.ai.Generation;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ToolCall;
import dev.parley.conversations.Message;
import dev.parley.conversations.MessageNotFound;
import dev.parley.conversations.MessageView;
import dev.parley.conversations.Replies;
import dev.parley.conversations.Usage;
import dev.parley.platform.streams.EventBatch;
import dev.parley.platform.streams.EventBuffer;
import dev.parley.platform.streams.EventSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reply being generated on this node: its event log (numbered from 1, in an {@link EventBuffer}),
 * the text received so far, the index of its events that is saved with the text, and how it ended.
 * Any number of readers follow it by event number, fall behind or resume after a reconnect. A reply
 * whose row is deleted (alone or with its chat) ends {@link ReplyOutcome#gone() gone} at once and
 * stops its generation: nothing more is stored for it.
 * <p>
 * A generation's deltas and tool calls become events as they arrive; a tool loop adds its
 * {@link #toolResult tool results} and {@link #approvalRequired approval requests} the same way.
 */
public final class LiveReply implements GenerationObserver, EventSource<ReplyEvent> {

	private final UUID messageId;

	private final UUID chatId;

	private final Replies replies;

	private final Function<UUID, Message> storedMessage;

	private final JsonMapper json;

	private final ReentrantLock lock = new ReentrantLock();

	private final EventBuffer<ReplyEvent> events = new EventBuffer<>();

	private final StringBuilder content = new StringBuilder();

	private final EventIndex index = new EventIndex();

	private final CompletableFuture<ReplyOutcome> outcome = new CompletableFuture<>();

	private volatile @Nullable Generation generation;

	private volatile boolean cancelRequested;

	private int savedLength;

	private int savedEvents;

	private Instant savedAt;

	LiveReply(UUID messageId, UUID chatId, Replies replies, Function<UUID, Message> storedMessage, JsonMapper json,
			Instant now) {
		this.messageId = messageId;
		this.chatId = chatId;
		this.replies = replies;
		this.storedMessage = storedMessage;
		this.json = json;
		this.savedAt = now;
	}

	public UUID messageId() {
		return messageId;
	}

	public UUID chatId() {
		return chatId;
	}

	/** The generation writing this reply, which a cancel or a deletion stops. */
	public void attach(Generation generation) {
		this.generation = generation;
	}

	public void cancel() {
		cancelRequested = true;
		Generation running = generation;
		if (running != null) {
			running.cancel();
		}
	}

	/** Whether someone asked to stop this reply (a run between two model calls stops at its next one). */
	public boolean cancelRequested() {
		return cancelRequested;
	}

	/**
	 * The reply waits for a person's decision on a tool call: it is stored as awaiting approval with
	 * what it has, and its stream ends (with {@code done} and the paused message) so that nobody
	 * holds a connection for a decision that may take days. It goes on, numbered on from here, in
	 * a reply {@link LiveReplies#reopen reopened} when the decision comes.
	 */
	public void pause() {
		if (outcome.isDone()) {
			return;
		}
		Replies.Progress received = progress();
		endAsStored(() -> replies.awaitApproval(messageId, received).orElseGet(this::asStored), null);
	}

	/** Takes back the events a paused reply already had, so that new ones are numbered after them. */
	void replay(java.util.List<ReplyEvent> earlier) {
		lock.lock();
		try {
			for (ReplyEvent event : earlier) {
				if (event instanceof ReplyEvent.Delta delta) {
					events.append(delta);
					content.append(delta.text());
					index.delta(delta.text().length());
				}
				else if (events.append(event) > 0) {
					index.event(event, json);
				}
			}
			savedLength = content.length();
			savedEvents = index.size();
		}
		finally {
			lock.unlock();
		}
	}

	/** Completes once the reply has ended and is stored (or is gone). */
	public CompletableFuture<ReplyOutcome> outcome() {
		return outcome;
	}

	/** Its row was deleted: readers learn it at once, and the generation stops. */
	void gone() {
		end(ReplyOutcome.gone());
		cancel();
	}

	@Override
	public void onDelta(String text) {
		lock.lock();
		try {
			if (events.append(new ReplyEvent.Delta(text)) > 0) {
				content.append(text);
				index.delta(text.length());
			}
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void onToolCall(ToolCall call) {
		record(new ReplyEvent.ToolCall(call.id(), call.name(), call.arguments()));
	}

	/** A tool call was answered (by the tool loop). */
	public void toolResult(String callId, boolean ok, String summary) {
		record(new ReplyEvent.ToolResult(callId, ok, summary));
	}

	/** A tool call waits for a person's approval (by the tool loop). */
	public void approvalRequired(UUID runId, UUID stepId, String tool, String arguments) {
		record(new ReplyEvent.ApprovalRequired(runId, stepId, tool, arguments));
	}

	private void record(ReplyEvent event) {
		lock.lock();
		try {
			if (events.append(event) > 0) {
				index.event(event, json);
			}
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void onComplete(GenerationResult result) {
		if (outcome.isDone()) {
			return;
		}
		Replies.Progress received = progress();
		Usage usage = Usage.of(result.usage().promptTokens(), result.usage().completionTokens());
		endAsStored(() -> replies.complete(messageId, received, result.model(), usage).orElseGet(this::asStored), null);
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		if (outcome.isDone()) {
			return;
		}
		Replies.Progress received = progress();
		endAsStored(() -> (failure.reason() == GenerationFailed.Reason.CANCELLED ? replies.interrupt(messageId, received)
				: replies.fail(messageId, received, failure.getMessage()))
			.orElseGet(this::asStored), failure);
	}

	/** Ends with the reply as stored by {@code store}, or gone when its row no longer exists. */
	private void endAsStored(Supplier<Message> store, @Nullable GenerationFailed failure) {
		Message stored;
		try {
			stored = store.get();
		}
		catch (MessageNotFound ex) {
			end(ReplyOutcome.gone());
			return;
		}
		end(new ReplyOutcome(MessageView.from(stored), failure));
	}

	/** The reply as someone else ended it (a cancel on another node, the sweeper) or deleted it. */
	private Message asStored() {
		return storedMessage.apply(messageId);
	}

	/** Waits until there are events after {@code seq} (a number past the end counts from the end). */
	@Override
	public EventBatch<ReplyEvent> awaitAfter(long seq, Duration timeout) throws InterruptedException {
		return events.awaitAfter(seq, timeout);
	}

	/**
	 * The text and event index to save now, or {@code null} when nothing is due: it is due when it
	 * grew since the last save, or when {@code heartbeat} has passed (so sweepers see the reply is
	 * alive).
	 */
	@Nullable Due progressToSave(Instant now, Duration heartbeat) {
		lock.lock();
		try {
			boolean unchanged = content.length() == savedLength && index.size() == savedEvents
					&& savedAt.plus(heartbeat).isAfter(now);
			return outcome.isDone() || unchanged ? null : new Due(progress(), content.length(), index.size());
		}
		finally {
			lock.unlock();
		}
	}

	void saved(Due due, Instant now) {
		lock.lock();
		try {
			savedLength = due.length();
			savedEvents = due.events();
			savedAt = now;
		}
		finally {
			lock.unlock();
		}
	}

	/** What is due to be saved, and how far it reaches (text length, events indexed). */
	record Due(Replies.Progress progress, int length, int events) {
	}

	/** The text and its index as they are now, in step with each other. */
	private Replies.Progress progress() {
		lock.lock();
		try {
			return new Replies.Progress(content.toString(), index.snapshot());
		}
		finally {
			lock.unlock();
		}
	}

	private void end(ReplyOutcome ended) {
		lock.lock();
		try {
			if (outcome.isDone()) {
				return;
			}
			events.close(new ReplyEvent.Ended(ended));
			outcome.complete(ended);
		}
		finally {
			lock.unlock();
		}
	}
}
