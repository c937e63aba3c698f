package dev.parley.analytics.webhooks;

import java.util.List;

/** The event types an endpoint may subscribe to, each published by the module that owns it. */
final class WebhookEvents {

	static final List<String> TYPES = List.of("chat.created", "chat.deleted", "message.posted", "message.deleted",
			"generation.completed");

	private WebhookEvents() {
	}
}
