package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.parley.ai.AiProperties;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.AnthropicWire;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.GeminiWire;
import dev.parley.ai.fake.OllamaWire;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.fake.Reply;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every provider adapter holds a user's base URL to the outbound address guard, whole answers and
 * streams alike: a name the guard resolves to loopback is never called, and the same adapter
 * reaches the same server once the guard allows loopback (so the refusal is the guard's, not a
 * broken client).
 */
class GuardedProvidersTests {

	private static final String NAME = "provider.internal";

	private final AiProperties settings = AiSettings
		.of("own-keys.providers", "openai,anthropic,gemini", "ollama.base-url", "http://127.0.0.1:9")
		.bind();

	private static final Map<String, Function<FakeProvider.Received, Reply>> WIRES = Map.of("openai",
			OpenAiWire.answering("hi"), "anthropic", AnthropicWire.answering("hi"), "gemini", GeminiWire.answering("hi"),
			"ollama", OllamaWire.answering("hi"));

	@ParameterizedTest(name = "{0}, streamed: {2}")
	@CsvSource({ "openai, /v1, true", "openai, /v1, false", "anthropic, '', true", "anthropic, '', false",
			"gemini, '', true", "gemini, '', false", "ollama, '', true", "ollama, '', false" })
	void aUsersBaseUrlPassesTheGuard(String provider, String path, boolean streamed) {
		try (FakeProvider server = FakeProvider.start(WIRES.get(provider))) {
			String url = server.baseUrl().replace("127.0.0.1", NAME) + path;
			ProviderCall call = new ProviderCall(model(provider), List.of(PromptMessage.user("Hello?")), null, 5,
					new ProviderCredential("sk-users-own", url), streamed);

			assertThatThrownBy(() -> find(provider, false).stream(call).blockLast())
				.isInstanceOfSatisfying(ProviderError.class, error -> assertThat(error.status()).isZero());
			assertThat(server.requests()).isEmpty();

			assertThat(find(provider, true).stream(call).collectList().block()).isNotEmpty();
			assertThat(server.requests()).hasSize(1);
		}
	}

	private ChatProvider find(String provider, boolean allowLoopback) {
		OutboundAddressGuard guard = OutboundAddressGuard.of(false, allowLoopback ? List.of("127.0.0.1") : List.of(),
				host -> List.of(InetAddress.getLoopbackAddress()));
		return ConfiguredProviders.create(settings, guard)
			.stream()
			.filter(candidate -> candidate.id().equals(provider))
			.findFirst()
			.orElseThrow();
	}

	private static String model(String provider) {
		return switch (provider) {
			case "anthropic" -> "claude-haiku-4-5";
			case "gemini" -> "gemini-2.5-flash";
			case "ollama" -> "llama3.2";
			default -> "gpt-4o-mini";
		};
	}
}
