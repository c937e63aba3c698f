package dev.parley.ai.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.parley.ai.Generation;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationResult;
import dev.parley.conversations.Message;
import dev.parley.conversations.MessageNotFound;
import dev.parley.conversations.MessageView;
import dev.parley.conversations.Replies;
import dev.parley.conversations.Usage;

/**
 * A reply being generated on this node: the text received so far, who is waiting for more, and how
 * it ended. Readers follow it by character offset, so any number of clients can attach, fall
 * behind (they get the text they missed in one piece) or resume after a reconnect. A reply whose
 * row is deleted (alone or with its chat) ends {@link ReplyOutcome#gone() gone} at once and stops
 * its generation: nothing more is stored for it.
 */
final class LiveReply implements GenerationObserver, ReplySource {

	private final UUID messageId;

	private final UUID chatId;

	private final Replies replies;

	private final Function<UUID, Message> storedMessage;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final StringBuilder content = new StringBuilder();

	private final CompletableFuture<ReplyOutcome> outcome = new CompletableFuture<>();

	private volatile Generation generation;

	private int savedLength;

	private Instant savedAt;

	LiveReply(UUID messageId, UUID chatId, Replies replies, Function<UUID, Message> storedMessage, Instant now) {
		this.messageId = messageId;
		this.chatId = chatId;
		this.replies = replies;
		this.storedMessage = storedMessage;
		this.savedAt = now;
	}

	UUID messageId() {
		return messageId;
	}

	UUID chatId() {
		return chatId;
	}

	void attach(Generation generation) {
		this.generation = generation;
	}

	void cancel() {
		Generation running = generation;
		if (running != null) {
			running.cancel();
		}
	}

	CompletableFuture<ReplyOutcome> outcome() {
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
			content.append(text);
			changed.signalAll();
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
		String text = textSoFar();
		Usage usage = Usage.of(result.usage().promptTokens(), result.usage().completionTokens());
		endAsStored(() -> replies.complete(messageId, text, result.model(), usage).orElseGet(this::asStored), null);
	}

	@Override
	public void onFailure(GenerationFailed failure) {
		if (outcome.isDone()) {
			return;
		}
		String text = textSoFar();
		endAsStored(() -> (failure.reason() == GenerationFailed.Reason.CANCELLED ? replies.interrupt(messageId, text)
				: replies.fail(messageId, text, failure.getMessage()))
			.orElseGet(this::asStored), failure);
	}

	/** Ends with the reply as stored by {@code store}, or gone when its row no longer exists. */
	private void endAsStored(Supplier<Message> store, GenerationFailed failure) {
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

	/**
	 * Waits until there is text past {@code offset} (or past the end, if the offset is beyond it) or
	 * the reply has ended, at most {@code timeout}.
	 */
	@Override
	public Progress awaitPast(int offset, Duration timeout) throws InterruptedException {
		lock.lock();
		try {
			// An offset past the end (a client's made-up Last-Event-ID) counts from the real end.
			int from = Math.min(offset, content.length());
			long nanos = timeout.toNanos();
			while (content.length() <= from && !outcome.isDone() && nanos > 0) {
				nanos = changed.awaitNanos(nanos);
			}
			String text = content.substring(from);
			return new Progress(text, from + text.length(), outcome.getNow(null));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The text to save now, or {@code null} when nothing is due: it is due when it grew since the
	 * last save, or when {@code heartbeat} has passed (so sweepers see the reply is alive).
	 */
	String textToSave(Instant now, Duration heartbeat) {
		lock.lock();
		try {
			boolean unchanged = content.length() == savedLength && savedAt.plus(heartbeat).isAfter(now);
			return outcome.isDone() || unchanged ? null : content.toString();
		}
		finally {
			lock.unlock();
		}
	}

	void saved(String text, Instant now) {
		lock.lock();
		try {
			savedLength = text.length();
			savedAt = now;
		}
		finally {
			lock.unlock();
		}
	}

	private String textSoFar() {
		lock.lock();
		try {
			return content.toString();
		}
		finally {
			lock.unlock();
		}
	}

	private void end(ReplyOutcome ended) {
		lock.lock();
		try {
			outcome.complete(ended);
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * What a reader gets: the text after its offset, its new offset, and the outcome once ended.
	 */
	record Progress(String text, int offset, ReplyOutcome outcome) {
	}
}
