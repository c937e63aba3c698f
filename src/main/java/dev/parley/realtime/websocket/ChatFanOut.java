package dev.parley.realtime.websocket;

/**
 * Carries {@link FanOutMessage}s to the sockets of every node: in-process on a single node
 * ({@link InProcessFanOut}), over Redis pub/sub when {@code REDIS_URL} is set. Publishing never waits
 * for a socket: each socket sends from its own queue ({@link LiveSocket}).
 */
interface ChatFanOut {

	void publish(FanOutMessage message);

	/**
	 * Whether a socket anywhere may follow the chat: when not, its events need not be encoded at
	 * all. Asked again for every batch of a reply, so a socket that subscribes mid-reply gets the rest.
	 */
	boolean mayHaveSubscribers(java.util.UUID chatId);
}
