package dev.parley.ai.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class KeyableProvidersTests {

	@Test
	void includesTheWellKnownProvidersAndThoseConfiguredByName() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("parley.ai.providers.groq.base-url", "https://api.groq.com/openai/v1")
			.withProperty("parley.ai.providers.groq.api-key", "gsk-server")
			.withProperty("parley.ai.providers.Together.base-url", "https://api.together.xyz/v1");

		KeyableProviders providers = new KeyableProviders(properties(List.of("openai", "anthropic")), environment);

		assertThat(providers.names()).containsExactlyInAnyOrder("openai", "anthropic", "groq", "together");
		assertThat(providers.contains("groq")).isTrue();
		assertThat(providers.contains("mistral")).isFalse();
		assertThat(providers.contains(null)).isFalse();
	}

	@Test
	void neverOffersTheDevelopmentModel() {
		MockEnvironment environment = new MockEnvironment().withProperty("parley.ai.providers.local.enabled", "true");

		KeyableProviders providers = new KeyableProviders(properties(List.of("openai", "local")), environment);

		assertThat(providers.contains("local")).isFalse();
		assertThat(providers.contains("openai")).isTrue();
	}

	private static CredentialsProperties properties(List<String> providers) {
		return new CredentialsProperties(null, List.of(), true, providers, Map.of(), Duration.ofSeconds(10),
				Duration.ofSeconds(30));
	}
}
