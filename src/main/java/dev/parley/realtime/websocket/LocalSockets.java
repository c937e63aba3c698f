package dev.parley.realtime.websocket;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * The sockets open on this node and the chats they follow, and where the {@link ChatFanOut} hands
 * what any node published: a chat's frames go to the sockets subscribed to it, a user's frame to
 * each of their sockets, a session ended elsewhere is closed here.
 */
@Component
class LocalSockets {

	/** How a socket ended through {@code DELETE /api/v1/sessions/{id}} is closed. */
	static final CloseStatus ENDED = new CloseStatus(4000, "session ended");

	private final Map<UUID, LiveSocket> sockets = new ConcurrentHashMap<>();

	private final Map<UUID, Set<ChatSubscription>> byChat = new ConcurrentHashMap<>();

	void add(LiveSocket socket) {
		sockets.put(socket.id(), socket);
	}

	void remove(LiveSocket socket) {
		sockets.remove(socket.id());
		socket.subscriptions().values().forEach(this::unsubscribe);
	}

	Optional<LiveSocket> find(UUID sessionId) {
		return Optional.ofNullable(sockets.get(sessionId));
	}

	Collection<LiveSocket> all() {
		return sockets.values();
	}

	boolean hasSubscribers(UUID chatId) {
		return byChat.containsKey(chatId);
	}

	/** The socket's subscription to the chat, made now (holding the fan-out's frames) if it had none. */
	ChatSubscription subscribe(LiveSocket socket, UUID chatId) {
		return socket.subscriptions().computeIfAbsent(chatId, id -> {
			ChatSubscription subscription = new ChatSubscription(id, socket);
			subscription.hold();
			if (sockets.containsKey(socket.id())) {
				byChat.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(subscription);
			}
			return subscription;
		});
	}

	private void unsubscribe(ChatSubscription subscription) {
		byChat.computeIfPresent(subscription.chatId(), (id, subscribers) -> {
			subscribers.remove(subscription);
			return subscribers.isEmpty() ? null : subscribers;
		});
	}

	void receive(FanOutMessage message) {
		switch (message) {
			case FanOutMessage.ChatFrames chat -> {
				Set<ChatSubscription> subscribers = byChat.get(chat.chatId());
				if (subscribers != null) {
					subscribers.forEach(subscription -> subscription.deliver(chat.frames()));
				}
			}
			case FanOutMessage.UserFrame user -> sockets.values()
				.stream()
				.filter(socket -> socket.userId().equals(user.userId()))
				.forEach(socket -> socket.send(user.json()));
			case FanOutMessage.CloseSession close -> find(close.sessionId()).ifPresent(socket -> socket.closeNow(ENDED));
		}
	}
}
