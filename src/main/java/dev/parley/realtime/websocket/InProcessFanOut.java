package dev.parley.realtime.websocket;

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
}
