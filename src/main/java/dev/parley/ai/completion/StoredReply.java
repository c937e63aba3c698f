package dev.parley.ai.completion;

import java.time.Duration;
import java.util.function.Supplier;

import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.Message;
import dev.parley.conversations.MessageNotFound;
import dev.parley.conversations.MessageStatus;
import dev.parley.conversations.MessageView;

/**
 * A reply followed through the database: one generating on another node (whose text is saved
 * every second), or one that has already ended. Polls the row until it has more text, ends, or is
 * deleted (the reply then ends {@link ReplyOutcome#gone() gone}).
 */
final class StoredReply implements ReplySource {

	private static final Duration POLL = Duration.ofMillis(500);

	private final Supplier<Message> load;

	StoredReply(Supplier<Message> load) {
		this.load = load;
	}

	@Override
	public LiveReply.Progress awaitPast(int offset, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Message message;
			try {
				message = load.get();
			}
			catch (MessageNotFound ex) {
				return new LiveReply.Progress("", offset, ReplyOutcome.gone());
			}
			String content = message.content();
			boolean ended = message.status() != MessageStatus.STREAMING;
			// The saved text of a reply still being written lags behind what its node has sent, so an
			// offset past it is waited for; once the reply has ended, an offset past it means its end.
			int from = ended ? Math.min(offset, content.length()) : offset;
			String text = content.length() > from ? content.substring(from) : "";
			if (!text.isEmpty() || ended || System.nanoTime() >= deadline) {
				return new LiveReply.Progress(text, from + text.length(), ended ? outcome(message) : null);
			}
			Thread.sleep(POLL);
		}
	}

	static ReplyOutcome outcome(Message message) {
		GenerationFailed failure = message.status() == MessageStatus.FAILED
				? new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR,
						message.error() == null ? "The reply failed." : message.error())
				: null;
		return new ReplyOutcome(MessageView.from(message), failure);
	}
}
