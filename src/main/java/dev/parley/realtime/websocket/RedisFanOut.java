package dev.parley.realtime.websocket;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The fan-out of several nodes: every message is published on one Redis channel, to which every
 * node listens, this one included (so each node's sockets get a chat's frames in the order they
 * were published). When Redis cannot be reached the message still reaches this node's sockets:
 * sockets on other nodes miss it, and catch up with {@code subscribe {after}} (the reply's event
 * log is in PostgreSQL).
 */
final class RedisFanOut implements ChatFanOut, MessageListener {

	private static final Logger log = LoggerFactory.getLogger(RedisFanOut.class);

	static final String CHANNEL = "parley:realtime";

	private final StringRedisTemplate redis;

	private final FanOutCodec codec;

	private final LocalSockets sockets;

	RedisFanOut(StringRedisTemplate redis, FanOutCodec codec, LocalSockets sockets) {
		this.redis = redis;
		this.codec = codec;
		this.sockets = sockets;
	}

	@Override
	public void publish(FanOutMessage message) {
		try {
			redis.convertAndSend(CHANNEL, codec.encode(message));
		}
		catch (RuntimeException ex) {
			log.warn("Redis is unreachable: a WebSocket message reaches this node's sockets only ({})", ex.getMessage());
			sockets.receive(message);
		}
	}

	/** Other nodes' sockets are not known here: every chat may be followed somewhere. */
	@Override
	public boolean mayHaveSubscribers(UUID chatId) {
		return true;
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			sockets.receive(codec.decode(new String(message.getBody(), StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not deliver a WebSocket message from Redis", ex);
		}
	}
}
