package dev.parley.ai.credentials;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import dev.parley.platform.ProblemKind;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A server that lends no keys: users call providers with their own keys or not at all. */
@WithheldServerKeysIntegrationTest
class OwnKeyRequiredIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	CredentialResolver resolver;

	@Test
	void refusesAUserWithoutAKeyOfTheirOwn() {
		UUID userId = UUID.fromString(api.register().userId());

		assertThatThrownBy(() -> resolver.resolve(userId, "openai")).isInstanceOfSatisfying(OwnKeyRequired.class,
				fact -> {
					assertThat(fact.kind()).isEqualTo(ProblemKind.FORBIDDEN);
					assertThat(fact.provider()).isEqualTo("openai");
					assertThat(fact.getMessage()).isEqualTo(
							"This server requires your own key for openai; add one under /api/v1/integrations.");
				});
	}

	@Test
	void usesTheUsersOwnKey() {
		Session session = api.register();
		UUID userId = UUID.fromString(session.userId());
		assertThat(api.post("/api/v1/integrations", session.accessToken(),
				map("provider", "openai", "api_key", "sk-strict-server-0123456789"))
			.status()).isEqualTo(201);

		CredentialResolver.Resolved resolved = resolver.resolve(userId, "openai");

		assertThat(resolved.source()).isEqualTo(KeySource.OWN);
		assertThat(resolved.credential().apiKey()).isEqualTo("sk-strict-server-0123456789");
	}

	@Test
	void stillServesTheDevelopmentModelAndTheServersOwnWork() {
		UUID userId = UUID.fromString(api.register().userId());

		assertThat(resolver.resolve(userId, "local").source()).isEqualTo(KeySource.SERVER);
		assertThat(resolver.resolve(null, "openai").source()).isEqualTo(KeySource.SERVER);
	}
}
