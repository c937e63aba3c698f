package dev.parley.ai.quota;

import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestRedis;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Two nodes sharing PostgreSQL and Redis: the quota counters are in Redis. */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + QuotaApi.ADMIN_EMAIL })
class QuotaAcrossRedisNodesIntegrationTests extends QuotaAcrossNodesIntegrationTests {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", TestRedis::url);
	}

	@Override
	Class<? extends QuotaStore> sharedStore() {
		return RedisQuotaStore.class;
	}

	@Override
	String[] otherNodeSettings() {
		return new String[] { "--spring.data.redis.url=" + TestRedis.url() };
	}
}
