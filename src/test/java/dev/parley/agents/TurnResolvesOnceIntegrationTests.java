package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.UUID;

import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A turn resolves the user's credential for its model once, not again when it generates. */
@IntegrationTest
class TurnResolvesOnceIntegrationTests {

	@Autowired
	ApiClient api;

	@MockitoSpyBean
	CredentialResolver credentials;

	@Test
	void aTurnResolvesItsCredentialOnce() {
		ApiClient.Session session = api.register();
		String chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Once")).json().get("id")
			.asString();
		clearInvocations(credentials);

		ApiClient.Response turn = api.post("/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", "just once"));

		assertThat(turn.status()).isEqualTo(200);
		verify(credentials, times(1)).resolve(any(UUID.class), anyString());
		verify(credentials).resolve(UUID.fromString(session.userId()), "local");
	}
}
