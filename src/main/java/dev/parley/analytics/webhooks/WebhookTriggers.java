package dev.parley.analytics.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.parley.ai.GenerationCompleted;
import dev.parley.conversations.ChatCreated;
import dev.parley.conversations.ChatDeleted;
import dev.parley.conversations.MessageDeleted;
import dev.parley.conversations.MessagePosted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' past-tense events into outbox rows. Synchronous, inside the publishing
 * transaction where there is one: a delivery exists exactly when what it tells was committed.
 */
@Component
class WebhookTriggers {

	private final WebhookOutbox outbox;

	WebhookTriggers(WebhookOutbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(ChatCreated created) {
		outbox.enqueue("chat.created", created.userId(), Map.of("chat_id", created.chatId().toString()));
	}

	@EventListener
	void on(ChatDeleted deleted) {
		outbox.enqueue("chat.deleted", deleted.userId(), Map.of("chat_id", deleted.chatId().toString()));
	}

	@EventListener
	void on(MessagePosted posted) {
		outbox.enqueue("message.posted", posted.userId(),
				Map.of("chat_id", posted.chatId().toString(), "message_id", posted.messageId().toString()));
	}

	@EventListener
	void on(MessageDeleted deleted) {
		outbox.enqueue("message.deleted", deleted.userId(),
				Map.of("chat_id", deleted.chatId().toString(), "message_id", deleted.messageId().toString()));
	}

	@EventListener
	void on(GenerationCompleted generation) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("model", generation.model());
		data.put("status", generation.status());
		data.put("chat_id", generation.chatId() == null ? null : generation.chatId().toString());
		data.put("prompt_tokens", generation.promptTokens());
		data.put("completion_tokens", generation.completionTokens());
		data.put("cost_usd", generation.costUsd());
		data.put("latency_ms", generation.latencyMillis());
		outbox.enqueue("generation.completed", generation.userId(), data);
	}
}
