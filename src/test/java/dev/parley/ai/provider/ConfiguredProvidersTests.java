package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.fake.AiSettings;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.fake.Reply;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.junit.jupiter.api.Test;

class ConfiguredProvidersTests {

	@Test
	void noSettingsNoProviders() {
		assertThat(ConfiguredProviders.create(AiSettings.of().bind(), OutboundAddressGuard.standard())).isEmpty();
	}

	@Test
	void eachProviderIsOnWhenItsSettingIsPresent() {
		List<ChatProvider> providers = ConfiguredProviders.create(AiSettings
			.of("openai.api-key", "sk-1", "anthropic.api-key", "sk-2", "gemini.api-key", "g-3", "ollama.base-url",
					"http://127.0.0.1:11434", "bedrock.region", "eu-west-1", "bedrock.access-key-id", "AKIAEXAMPLE",
					"bedrock.secret-access-key", "secret", "providers.groq.base-url", "http://127.0.0.1:9/v1",
					"providers.groq.api-key", "gsk-4")
			.bind(), OutboundAddressGuard.standard());

		assertThat(providers).extracting(ChatProvider::id)
			.containsExactlyInAnyOrder("openai", "anthropic", "gemini", "ollama", "bedrock", "groq");
		assertThat(providers).noneMatch(ChatProvider::development);
	}

	@Test
	void bedrockNeedsARegionAndAnAccessKeyPair() {
		assertThat(ConfiguredProviders.create(AiSettings.of("bedrock.region", "us-east-1").bind(), OutboundAddressGuard.standard())).isEmpty();
	}

	@Test
	void anOwnKeyOnlyProviderRefusesCallsWithoutAKeyAndServesCallsWithOne() {
		try (FakeProvider fake = FakeProvider.start(OpenAiWire.answering("ok"))) {
			List<ChatProvider> providers = ConfiguredProviders
				.create(AiSettings.of("own-keys.providers", "openai,anthropic", "openai.base-url", fake.baseUrl() + "/v1")
					.bind(), OutboundAddressGuard.standard());
			ChatProvider openai = providers.stream().filter(p -> p.id().equals("openai")).findFirst().orElseThrow();

			assertThat(providers).extracting(ChatProvider::id).containsExactlyInAnyOrder("openai", "anthropic");
			assertThatThrownBy(() -> openai.stream(call("gpt-4o-mini", null)).blockLast())
				.isInstanceOfSatisfying(GenerationFailed.class, failure -> {
					assertThat(failure.reason()).isEqualTo(GenerationFailed.Reason.PROVIDER_REJECTED);
					assertThat(failure.getMessage()).contains("own key");
				});
			assertThat(fake.requestCount()).isZero();

			openai.stream(call("gpt-4o-mini", new ProviderCredential("sk-mine", null))).blockLast();
			assertThat(fake.requests().getFirst().header("Authorization")).isEqualTo("Bearer sk-mine");
		}
	}

	@Test
	void bedrockCallsTheConfiguredEndpointAndReportsThrottling() {
		try (FakeProvider fake = FakeProvider.start(request -> Reply.json(429, "{\"message\":\"Too many requests\"}")
			.withHeader("x-amzn-ErrorType", "ThrottlingException")
			.withHeader("Retry-After", "3"))) {
			ChatProvider bedrock = ConfiguredProviders
				.create(AiSettings.of("bedrock.region", "us-east-1", "bedrock.access-key-id", "AKIAEXAMPLE",
						"bedrock.secret-access-key", "secret", "bedrock.endpoint", fake.baseUrl())
					.bind(), OutboundAddressGuard.standard())
				.getFirst();

			assertThatThrownBy(() -> bedrock.stream(call("anthropic.claude-3-haiku", null)).blockLast())
				.isInstanceOfSatisfying(ProviderError.class, error -> {
					assertThat(error.status()).isEqualTo(429);
					assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(3));
					assertThat(error.getMessage()).doesNotContain("secret");
				});
			assertThat(fake.requestCount()).as("the SDK's own retries are off").isEqualTo(1);
			FakeProvider.Received request = fake.requests().getFirst();
			assertThat(request.uri()).isEqualTo("/model/anthropic.claude-3-haiku/converse-stream");
			assertThat(request.header("Authorization")).contains("AKIAEXAMPLE/").contains("/us-east-1/bedrock/");
			assertThat(request.body()).contains("\"maxTokens\":20");
			((AutoCloseable) bedrock).close();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void bedrockRefusesOwnKeys() {
		ChatProvider bedrock = ConfiguredProviders.create(AiSettings
			.of("bedrock.region", "us-east-1", "bedrock.access-key-id", "AKIAEXAMPLE", "bedrock.secret-access-key", "s")
			.bind(), OutboundAddressGuard.standard()).getFirst();

		assertThatThrownBy(() -> bedrock.stream(call("m", new ProviderCredential("k", null))).blockLast())
			.isInstanceOfSatisfying(GenerationFailed.class,
					failure -> assertThat(failure.reason()).isEqualTo(GenerationFailed.Reason.PROVIDER_REJECTED));
	}

	@Test
	void retryAfterIsReadInSecondsMillisecondsOrAsADate() {
		assertThat(ProviderErrors.retryAfter(null, "2")).isEqualTo(Duration.ofSeconds(2));
		assertThat(ProviderErrors.retryAfter("250", "9")).isEqualTo(Duration.ofMillis(250));
		assertThat(ProviderErrors.retryAfter(null, "Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
		assertThat(ProviderErrors.retryAfter(null, "soon")).isNull();
	}

	private static ProviderCall call(String model, ProviderCredential credential) {
		return new ProviderCall(model, List.of(PromptMessage.system("s"), PromptMessage.user("Hello")), null, 20,
				credential, true);
	}
}
