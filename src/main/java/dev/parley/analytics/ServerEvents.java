package dev.parley.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.conversations.ChatCreated;
import dev.parley.conversations.ChatDeleted;
import dev.parley.conversations.MessageDeleted;
import dev.parley.conversations.MessagePosted;
import dev.parley.platform.Ids;
import dev.parley.platform.JsonDocument;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the other modules' past-tense events as server analytics events, never by reading
 * their tables. It listens synchronously, inside the transaction that published the event: an
 * event is recorded exactly when what it tells was committed (a rolled-back chat leaves no
 * {@code chat.created}). Generations are not repeated here: their usage records already hold
 * each one, with its tokens, cost and speed.
 */
@Component
class ServerEvents {

	private final AnalyticsEventStore store;

	private final Clock clock;

	ServerEvents(AnalyticsEventStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@EventListener
	void on(ChatCreated created) {
		record(created.userId(), "chat.created", Map.of("chat_id", created.chatId().toString()));
	}

	@EventListener
	void on(ChatDeleted deleted) {
		record(deleted.userId(), "chat.deleted", Map.of("chat_id", deleted.chatId().toString()));
	}

	@EventListener
	void on(MessagePosted posted) {
		record(posted.userId(), "message.posted",
				Map.of("chat_id", posted.chatId().toString(), "message_id", posted.messageId().toString()));
	}

	@EventListener
	void on(MessageDeleted deleted) {
		record(deleted.userId(), "message.deleted",
				Map.of("chat_id", deleted.chatId().toString(), "message_id", deleted.messageId().toString()));
	}

	private void record(UUID userId, String name, Map<String, Object> properties) {
		Instant now = clock.instant();
		store.insert(List.of(new AnalyticsEvent(Ids.next(), userId, name, AnalyticsEvent.SERVER,
				JsonDocument.of(properties), now, now)));
	}
}
