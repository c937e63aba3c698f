package dev.parley.ai.credentials;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ai.provider.ProviderCall;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/v1/integrations/{id}/test} against the {@link TestProvider}. */
@CredentialsIntegrationTest
class KeyCheckIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	TestProvider provider;

	Session session;

	@BeforeEach
	void register() {
		session = api.register();
	}

	@Test
	void reportsAKeyTheProviderTakesAndKeepsTheOutcome() {
		String id = add(TestProvider.GOOD_KEY, "https://testprov.example.com/v1");

		Response tested = api.post(test(id), session.accessToken(), null);

		assertThat(tested.status()).isEqualTo(200);
		assertThat(tested.json().get("ok").asBoolean()).isTrue();
		assertThat(tested.json().get("reason").isNull()).isTrue();
		assertThat(tested.body()).doesNotContain(TestProvider.GOOD_KEY);
		ProviderCall call = provider.lastCall.get();
		assertThat(call.model()).isEqualTo("tiny-1");
		assertThat(call.maxTokens()).isEqualTo(1);
		assertThat(call.credential().apiKey()).isEqualTo(TestProvider.GOOD_KEY);
		assertThat(call.credential().baseUrl()).isEqualTo("https://testprov.example.com/v1");
		Response stored = api.get("/api/v1/integrations/" + id, session.accessToken());
		assertThat(stored.json().get("last_test_ok").asBoolean()).isTrue();
		assertThat(stored.json().get("last_tested_at").asString()).isEqualTo(tested.json().get("tested_at").asString());
	}

	@Test
	void reportsARefusedKeyWithoutRepeatingTheProvidersAnswer() {
		String wrongKey = "sk-test-refused-0123456789";
		String id = add(wrongKey, null);

		Response tested = api.post(test(id), session.accessToken(), null);

		assertThat(tested.status()).isEqualTo(200);
		assertThat(tested.json().get("ok").asBoolean()).isFalse();
		assertThat(tested.json().get("reason").asString()).isEqualTo("the provider refused the key (HTTP 401)");
		assertThat(tested.body()).doesNotContain(wrongKey).doesNotContain("invalid_api_key");
		assertThat(api.get("/api/v1/integrations/" + id, session.accessToken()).json().get("last_test_ok").asBoolean())
			.isFalse();
	}

	@Test
	void givesUpOnAProviderThatDoesNotAnswer() {
		String id = add(TestProvider.HANGING_KEY, null);

		Response tested = api.post(test(id), session.accessToken(), null);

		assertThat(tested.status()).isEqualTo(200);
		assertThat(tested.json().get("ok").asBoolean()).isFalse();
		assertThat(tested.json().get("reason").asString()).isEqualTo("the provider did not answer within 500ms");
	}

	@Test
	void replacingTheKeyForgetsTheOutcomeOfTheOldOne() {
		String id = add("sk-test-refused-0123456789", null);
		api.post(test(id), session.accessToken(), null);

		Response changed = api.patch("/api/v1/integrations/" + id, session.accessToken(),
				map("api_key", TestProvider.GOOD_KEY));

		assertThat(changed.json().get("last_test_ok").isNull()).isTrue();
		assertThat(changed.json().get("last_tested_at").isNull()).isTrue();
		assertThat(api.post(test(id), session.accessToken(), null).json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void refusesToCheckAKeyForAProviderThisServerHasNotEnabled() {
		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", "nowhere", "api_key", "nw-0123456789abcdef"));
		String id = created.json().get("id").asString();

		Response tested = api.post(test(id), session.accessToken(), null);

		assertThat(tested.status()).isEqualTo(400);
		assertThat(tested.contentType()).startsWith("application/problem+json");
		assertThat(tested.json().get("detail").asString()).contains("nowhere").contains("not available");
		assertThat(api.get("/api/v1/integrations/" + id, session.accessToken()).json().get("last_tested_at").isNull())
			.isTrue();
	}

	private String add(String key, String baseUrl) {
		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", TestProvider.ID, "api_key", key, "base_url", baseUrl));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String test(String id) {
		return "/api/v1/integrations/" + id + "/test";
	}
}
