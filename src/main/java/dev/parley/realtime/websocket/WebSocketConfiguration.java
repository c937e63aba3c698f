package dev.parley.realtime.websocket;

import java.util.List;

import dev.parley.platform.ConditionalOnMissingRedis;
import dev.parley.platform.ConditionalOnRedis;
import dev.parley.platform.PlatformProperties;
import dev.parley.platform.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws}: a raw WebSocket handler (no STOMP) with JSON frames. The security filter chain lets
 * the upgrade through unauthenticated so that a ticket can authenticate it ({@link SocketHandshake});
 * a bearer token is still checked by the chain. A browser's {@code Origin} must be this server's own
 * or one of {@code CORS_ORIGINS}, else the upgrade is refused with 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	private final RealtimeSocketHandler handler;

	private final SocketHandshake handshake;

	private final PlatformProperties platform;

	WebSocketConfiguration(RealtimeSocketHandler handler, SocketHandshake handshake, PlatformProperties platform) {
		this.handler = handler;
		this.handshake = handshake;
		this.platform = platform;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		String[] origins = platform.corsOrigins().toArray(String[]::new);
		// The origin first: a refused page learns nothing else, and spends no ticket.
		registry.addHandler(handler, "/ws")
			.addInterceptors(new OriginHandshakeInterceptor(List.of(origins)), handshake)
			.setAllowedOrigins(origins);
	}

	@Bean
	PublicEndpoints webSocketEndpoint() {
		return PublicEndpoints.of("/ws");
	}

	/** One node: what is published reaches this node's sockets at once. */
	@Bean
	@ConditionalOnMissingRedis
	ChatFanOut inProcessFanOut(LocalSockets sockets) {
		return new InProcessFanOut(sockets);
	}

	/** Several nodes ({@code REDIS_URL}): through one Redis channel every node listens to. */
	@Bean
	@ConditionalOnRedis
	RedisFanOut redisFanOut(StringRedisTemplate redis, JsonMapper json, LocalSockets sockets) {
		return new RedisFanOut(redis, new FanOutCodec(json), sockets);
	}

	/**
	 * Delivers the channel's messages one at a time, on the thread that receives them (delivery only
	 * queues frames on sockets): a chat's frames reach each socket in the order they were published.
	 */
	@Bean
	@ConditionalOnRedis
	RedisMessageListenerContainer realtimeListenerContainer(RedisConnectionFactory connections, RedisFanOut fanOut) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.setTaskExecutor(new SyncTaskExecutor());
		container.addMessageListener(fanOut, new ChannelTopic(RedisFanOut.CHANNEL));
		// Started by RedisSubscription, which tolerates a Redis that is down.
		container.setAutoStartup(false);
		return container;
	}

	@Bean
	@ConditionalOnRedis
	RedisSubscription realtimeRedisSubscription(RedisMessageListenerContainer realtimeListenerContainer) {
		return new RedisSubscription(realtimeListenerContainer);
	}
}
