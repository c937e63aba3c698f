package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestRedis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Redis is optional: no Redis bean without it; with it, {@code /health/redis} reports it. */
class RedisHealthIntegrationTests {

	static final String METRICS_TOKEN = "redis-health-metrics-token-long-enough";

	@Nested
	@IntegrationTest
	class WithoutRedis {

		@Autowired
		ApiClient api;

		@Autowired
		ApplicationContext context;

		@Test
		void startsNoRedisBeanAndHasNoRedisHealth() {
			assertThat(context.getBeanNamesForType(StringRedisTemplate.class)).isEmpty();
			assertThat(api.get("/health/redis", null).status()).isEqualTo(404);
			assertThat(api.get("/health", null).status()).isEqualTo(200);
		}
	}

	@Nested
	@IntegrationTest
	@TestPropertySource(properties = "parley.platform.metrics-token=" + METRICS_TOKEN)
	class WithRedis {

		@DynamicPropertySource
		static void redis(DynamicPropertyRegistry registry) {
			registry.add("spring.data.redis.url", TestRedis::url);
		}

		@Autowired
		ApiClient api;

		@Autowired
		StringRedisTemplate redis;

		@Test
		void talksToRedisAndReportsItUp() {
			redis.opsForValue().set("parley:test:health", "ok");
			assertThat(redis.opsForValue().get("parley:test:health")).isEqualTo("ok");
			ApiClient.Response health = api.get("/health/redis", null);
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().get("status").asString()).isEqualTo("UP");
			assertThat(api.get("/health", METRICS_TOKEN).json().get("components").get("redisServer").get("status").asString())
				.isEqualTo("UP");
		}
	}

	@Nested
	@IntegrationTest
	@TestPropertySource(properties = { "spring.data.redis.url=redis://127.0.0.1:1",
			"spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms" })
	class WithRedisDown {

		@Autowired
		ApiClient api;

		@Test
		void startsAndReportsRedisDown() {
			ApiClient.Response health = api.get("/health/redis", null);
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
			assertThat(api.get("/health/db", null).status()).isEqualTo(200);
		}
	}
}
