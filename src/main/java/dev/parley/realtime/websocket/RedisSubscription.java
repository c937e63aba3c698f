package dev.parley.realtime.websocket;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts listening to the fan-out's Redis channel once the node is up, and keeps trying while Redis
 * does not answer: a node whose Redis is down starts all the same (its sockets get what this node
 * publishes), and joins the others once Redis is back. Once it listens, the container itself
 * recovers from lost connections.
 */
final class RedisSubscription {

	private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	private final RedisMessageListenerContainer container;

	RedisSubscription(RedisMessageListenerContainer container) {
		this.container = container;
	}

	@EventListener(ApplicationReadyEvent.class)
	void listen() {
		if (!tryStart()) {
			Thread.ofVirtual().name("realtime-redis-subscription").start(this::retry);
		}
	}

	private void retry() {
		try {
			do {
				Thread.sleep(RETRY);
			}
			while (!tryStart());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean tryStart() {
		try {
			container.start();
			return container.isListening();
		}
		catch (RuntimeException ex) {
			log.warn("Redis does not answer: WebSocket fan-out stays on this node for now ({})", ex.getMessage());
			return false;
		}
	}
}
