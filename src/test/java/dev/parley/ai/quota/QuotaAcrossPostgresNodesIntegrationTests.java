package dev.parley.ai.quota;

import dev.parley.testing.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** Two nodes sharing PostgreSQL, without Redis: the quota counters are in PostgreSQL. */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + QuotaApi.ADMIN_EMAIL })
class QuotaAcrossPostgresNodesIntegrationTests extends QuotaAcrossNodesIntegrationTests {

	@Override
	Class<? extends QuotaStore> sharedStore() {
		return PostgresQuotaStore.class;
	}

	@Override
	String[] otherNodeSettings() {
		return new String[0];
	}
}
