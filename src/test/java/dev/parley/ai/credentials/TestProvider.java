package dev.parley.ai.credentials;

import java.util.concurrent.atomic.AtomicReference;

import dev.parley.ai.TokenUsage;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderError;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * {@code testprov}: a provider that takes exactly one key ({@link #GOOD_KEY}), never answers for
 * {@link #HANGING_KEY}, and refuses every other key (or none) with HTTP 401 and a body that quotes
 * the key, as careless providers do. It remembers the last call it was given.
 */
class TestProvider implements ChatProvider {

	static final String ID = "testprov";

	static final String GOOD_KEY = "sk-test-accepted-4f9b2c7d1e8a";

	static final String HANGING_KEY = "sk-test-never-answered-77aa";

	static final String BODY = "{\"error\": \"invalid_api_key\"}";

	final AtomicReference<ProviderCall> lastCall = new AtomicReference<>();

	@Override
	public String id() {
		return ID;
	}

	@Override
	public Flux<ProviderChunk> stream(ProviderCall call) {
		return Flux.defer(() -> {
			lastCall.set(call);
			String key = call.credential() == null ? null : call.credential().apiKey();
			if (GOOD_KEY.equals(key)) {
				return Flux.just(ProviderChunk.text("OK"), new ProviderChunk("", "length", new TokenUsage(3, 1)));
			}
			if (HANGING_KEY.equals(key)) {
				return Flux.never();
			}
			return Flux.error(new ProviderError(401, null, BODY + " for key " + key, null));
		});
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		TestProvider testProvider() {
			return new TestProvider();
		}
	}
}
