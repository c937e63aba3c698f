package dev.parley.realtime.websocket;

import java.util.UUID;

/** The fan-out of a single node: what is published reaches this node's sockets at once. */
final class InProcessFanOut implements ChatFanOut {

	private final LocalSockets sockets;

	InProcessFanOut(LocalSockets sockets) {
		this.sockets = sockets;
	}

	@Override
	public void publish(FanOutMessage message) {
		sockets.receive(message);
	}

	@Override
	public boolean mayHaveSubscribers(UUID chatId) {
		return sockets.hasSubscribers(chatId);
	}
}
