package dev.parley.ai.credentials;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which key a call is made with, on a server that lends its own keys. */
@CredentialsIntegrationTest
class CredentialResolverIntegrationTests {

	static final String KEY = "sk-own-key-abcdefghijklmnop";

	@Autowired
	ApiClient api;

	@Autowired
	CredentialResolver resolver;

	Session session;

	UUID userId;

	@BeforeEach
	void register() {
		session = api.register();
		userId = UUID.fromString(session.userId());
	}

	@Test
	void usesTheServersKeyForAUserWithoutOne() {
		CredentialResolver.Resolved resolved = resolver.resolve(userId, "openai");

		assertThat(resolved.source()).isEqualTo(KeySource.SERVER);
		assertThat(resolved.credential()).isNull();
	}

	@Test
	void prefersTheUsersOwnKey() {
		assertThat(resolver.resolve(userId, "openai").source()).isEqualTo(KeySource.SERVER);
		add("openai", KEY, "https://proxy.example.org/v1");

		CredentialResolver.Resolved resolved = resolver.resolve(userId, "openai");

		assertThat(resolved.source()).isEqualTo(KeySource.OWN);
		assertThat(resolved.credential().apiKey()).isEqualTo(KEY);
		assertThat(resolved.credential().baseUrl()).isEqualTo("https://proxy.example.org/v1");
		assertThat(resolved.toString()).doesNotContain(KEY);
		// Only for that provider and that user.
		assertThat(resolver.resolve(userId, "anthropic").source()).isEqualTo(KeySource.SERVER);
		assertThat(resolver.resolve(UUID.fromString(api.register().userId()), "openai").source())
			.isEqualTo(KeySource.SERVER);
	}

	@Test
	void usesAReplacedKeyAtOnceAndStopsUsingADeletedOne() {
		String id = add("openai", KEY, null);
		assertThat(resolver.resolve(userId, "openai").credential().apiKey()).isEqualTo(KEY);

		api.patch("/api/v1/integrations/" + id, session.accessToken(), map("api_key", "sk-replacement-0000000000"));
		assertThat(resolver.resolve(userId, "openai").credential().apiKey()).isEqualTo("sk-replacement-0000000000");

		api.delete("/api/v1/integrations/" + id, session.accessToken());
		CredentialResolver.Resolved afterDelete = resolver.resolve(userId, "openai");
		assertThat(afterDelete.source()).isEqualTo(KeySource.SERVER);
		assertThat(afterDelete.credential()).isNull();
	}

	@Test
	void theDevelopmentModelNeedsNoKey() {
		CredentialResolver.Resolved resolved = resolver.resolve(userId, "local");

		assertThat(resolved.source()).isEqualTo(KeySource.SERVER);
		assertThat(resolved.credential()).isNull();
	}

	private String add(String provider, String key, String baseUrl) {
		var created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", provider, "api_key", key, "base_url", baseUrl));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}
}
