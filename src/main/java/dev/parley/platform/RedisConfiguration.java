package dev.parley.platform;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis, when it is configured: Boot's connection factory and templates (every
 * {@code spring.data.redis.*} setting applies) and the health component {@code redisServer} (a group may not share a component's name), which
 * {@code /health/redis} reports. Boot's Redis auto-configurations are excluded in application.yaml
 * so that none of this exists without Redis: an unconfigured Redis would otherwise be "localhost"
 * and turn health DOWN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
@Import(DataRedisAutoConfiguration.class)
class RedisConfiguration {

	@Bean
	DataRedisHealthIndicator redisServerHealthIndicator(RedisConnectionFactory connections) {
		return new DataRedisHealthIndicator(connections);
	}
}
