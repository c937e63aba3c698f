package dev.parley.platform.flags;

import java.time.Clock;

import dev.openfeature.sdk.OpenFeatureAPI;
import dev.parley.platform.Ids;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the flag store, its OpenFeature provider and the {@link dev.parley.platform.FeatureFlags}
 * other modules use. The provider is registered in OpenFeature's process-wide API under a domain of
 * this application context's own, so that two contexts in one JVM (the test suite's) never evaluate
 * with each other's store.
 */
@Configuration(proxyBeanMethods = false)
class FlagsConfiguration {

	@Bean
	FlagStore flagStore(JdbcClient jdbc, TransactionTemplate transactions, FlagsProperties properties, Clock clock) {
		FlagStore store = new FlagStore(jdbc, transactions, properties.defaults(), clock);
		store.refresh();
		return store;
	}

	@Bean
	OpenFeatureDomain openFeatureDomain(FlagStore store) {
		return new OpenFeatureDomain("parley-" + Ids.next(), new ParleyFlagProvider(store));
	}

	@Bean
	OpenFeatureFlags featureFlags(OpenFeatureDomain domain) {
		return new OpenFeatureFlags(OpenFeatureAPI.getInstance().getClient(domain.name()));
	}

	@Bean
	FlagRefresh flagRefresh(FlagStore store) {
		return new FlagRefresh(store);
	}

	/** This context's provider in OpenFeature's API, removed again when the context closes. */
	static final class OpenFeatureDomain implements DisposableBean {

		private final String name;

		OpenFeatureDomain(String name, ParleyFlagProvider provider) {
			this.name = name;
			OpenFeatureAPI.getInstance().setProviderAndWait(name, provider);
		}

		String name() {
			return name;
		}

		@Override
		public void destroy() {
			OpenFeatureAPI.getInstance().setProvider(name, new dev.openfeature.sdk.NoOpProvider());
		}
	}

	/** Polls the store's version, so that changes made on other nodes arrive here. */
	static final class FlagRefresh {

		private final FlagStore store;

		FlagRefresh(FlagStore store) {
			this.store = store;
		}

		@Scheduled(fixedDelayString = "${parley.platform.flags.refresh-interval:2s}",
				initialDelayString = "${parley.platform.flags.refresh-interval:2s}")
		void refresh() {
			store.refresh();
		}
	}
}
