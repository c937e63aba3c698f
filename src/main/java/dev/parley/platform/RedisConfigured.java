package dev.parley.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether Redis is configured: a non-blank {@code spring.data.redis.url} (which {@code REDIS_URL}
 * sets) or {@code spring.data.redis.host}. Blank values count as absent, so the
 * {@code ${REDIS_URL:}} default in application.yaml means "no Redis".
 */
final class RedisConfigured implements Condition {

	static boolean in(Environment environment) {
		return !environment.getProperty("spring.data.redis.url", "").isBlank()
				|| !environment.getProperty("spring.data.redis.host", "").isBlank();
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return in(context.getEnvironment());
	}

	static final class Not implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !in(context.getEnvironment());
		}
	}
}
