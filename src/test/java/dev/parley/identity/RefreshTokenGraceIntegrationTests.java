package dev.parley.identity;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Which replays the reuse grace excuses: only the family's last rotated token, while its successor
 * is unused. The window is long here so that no test depends on how fast it runs.
 */
@IntegrationTest
@TestPropertySource(properties = "parley.identity.refresh-reuse-grace=10m")
class RefreshTokenGraceIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void aReplayOfTheLastRotatedTokenIsRefusedWithoutEndingTheSession() {
		ApiClient.Session session = api.register();
		Response rotated = refresh(session.refreshToken());

		Response replay = refresh(session.refreshToken());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().get("detail").asString()).doesNotContain("already used");
		Response next = refresh(rotated.json().get("refresh_token").asString());
		assertThat(next.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/auth/me", next.json().get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void aReplayOfATokenTwoRotationsOldRevokesTheFamilyAtOnce() {
		ApiClient.Session session = api.register();
		String second = refresh(session.refreshToken()).json().get("refresh_token").asString();
		Response third = refresh(second);
		assertThat(third.status()).isEqualTo(200);

		Response replay = refresh(session.refreshToken());

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().get("detail").asString()).contains("already used");
		assertThat(refresh(third.json().get("refresh_token").asString()).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/auth/me", third.json().get("access_token").asString()).status()).isEqualTo(401);
	}

	@Test
	void aReplayAfterItsSuccessorWasUsedRevokesTheFamily() {
		ApiClient.Session session = api.register();
		String second = refresh(session.refreshToken()).json().get("refresh_token").asString();
		Response third = refresh(second);

		// The last rotated token while its successor is unused: excused.
		assertThat(refresh(second).json().get("detail").asString()).doesNotContain("already used");
		assertThat(api.get("/api/v1/auth/me", third.json().get("access_token").asString()).status()).isEqualTo(200);
		String fourth = refresh(third.json().get("refresh_token").asString()).json().get("refresh_token").asString();

		// Its successor has been used since: a replay now is theft.
		Response replay = refresh(second);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().get("detail").asString()).contains("already used");
		assertThat(refresh(fourth).status()).isEqualTo(401);
	}

	private Response refresh(String token) {
		return api.post("/api/v1/auth/refresh", null, map("refresh_token", token));
	}
}
