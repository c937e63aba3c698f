package dev.parley.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.parley.conversations.Message;
import dev.parley.conversations.MessageNotFound;
import dev.parley.conversations.MessageStatus;
import dev.parley.platform.streams.EventBatch;
import dev.parley.platform.streams.EventSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reply followed through the database: one generating on another node (whose text and event index
 * are saved every second), or one that has already ended. Its events are read back from the saved
 * index, so they carry the same numbers and the same text as on the node that generated them. Polls
 * the row until it has more events, ends (then its last event is {@code done} or {@code error},
 * numbered after the indexed ones), or is deleted (it then ends {@link ReplyOutcome#gone() gone}).
 */
final class StoredReply implements EventSource<ReplyEvent> {

	private static final Duration POLL = Duration.ofMillis(500);

	private final Supplier<Message> load;

	private final JsonMapper json;

	StoredReply(Supplier<Message> load, JsonMapper json) {
		this.load = load;
		this.json = json;
	}

	@Override
	public EventBatch<ReplyEvent> awaitAfter(long seq, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Message message;
			try {
				message = load.get();
			}
			catch (MessageNotFound ex) {
				return new EventBatch<>(Math.max(seq, 0) + 1, List.of(new ReplyEvent.Ended(ReplyOutcome.gone())), true);
			}
			List<ReplyEvent> events = EventIndex.read(message.eventIndex(), message.content(), json);
			boolean ended = message.status() != MessageStatus.STREAMING
					&& message.status() != MessageStatus.AWAITING_APPROVAL;
			if (ended) {
				// Once the reply has ended, a number past its end means its end.
				int from = (int) Math.clamp(seq, 0, events.size());
				List<ReplyEvent> rest = new ArrayList<>(events.subList(from, events.size()));
				rest.add(new ReplyEvent.Ended(ReplyOutcome.of(message)));
				return new EventBatch<>(from + 1, rest, true);
			}
			// The saved events of a reply still being written lag behind what its node has sent, so a
			// number past them is waited for.
			if (events.size() > seq) {
				int from = (int) Math.max(seq, 0);
				return new EventBatch<>(from + 1, List.copyOf(events.subList(from, events.size())), false);
			}
			if (System.nanoTime() >= deadline) {
				return new EventBatch<>(seq + 1, List.of(), false);
			}
			Thread.sleep(POLL);
		}
	}
}
