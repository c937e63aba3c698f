package dev.parley.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * A bean that exists only when Redis is configured ({@code REDIS_URL}, or
 * {@code spring.data.redis.url} / {@code spring.data.redis.host}). Redis is optional: without it no
 * Redis bean starts and every module uses its in-process alternative, marked
 * {@link ConditionalOnMissingRedis}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(RedisConfigured.class)
public @interface ConditionalOnRedis {
}
