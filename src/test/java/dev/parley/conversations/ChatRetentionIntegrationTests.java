package dev.parley.conversations;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The server keeps chats 30 days here; users may keep theirs shorter; archived chats stay. */
@IntegrationTest
@TestPropertySource(properties = "parley.conversations.retention-days=30")
class ChatRetentionIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ChatRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deletesChatsPastTheirRetentionButNotArchivedOnes() {
		ApiClient.Session session = api.register();
		String token = session.accessToken();
		String old = chat(token, "Old");
		String archived = chat(token, "Old but archived");
		String recent = chat(token, "Recent");
		String shorter = chat(token, "Ten days");
		api.patch("/api/v1/chats/" + archived, token, map("archived", true));
		age(old, 31);
		age(archived, 400);
		age(shorter, 10);
		age(recent, 29);

		retention.sweepBatch();
		assertThat(api.get("/api/v1/chats/" + old, token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/chats/" + archived, token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/chats/" + recent, token).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/chats/" + shorter, token).status()).isEqualTo(200);

		Response set = api.send(api.request("/api/v1/users/me/retention", token).header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"days\": 7}")));
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.json().get("effective_days").asInt()).isEqualTo(7);
		assertThat(set.json().get("server_days").asInt()).isEqualTo(30);
		retention.sweepBatch();
		assertThat(api.get("/api/v1/chats/" + shorter, token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/chats/" + archived, token).status()).isEqualTo(200);
	}

	@Test
	void refusesARetentionOutOfRange() {
		String token = api.register().accessToken();
		Response refused = api.send(api.request("/api/v1/users/me/retention", token).header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"days\": 0}")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("days");
		assertThat(api.get("/api/v1/users/me/retention", token).json().get("effective_days").asInt()).isEqualTo(30);
	}

	private String chat(String token, String title) {
		return api.post("/api/v1/chats", token, map("title", title)).json().get("id").asString();
	}

	private void age(String chatId, int days) {
		jdbc.sql("update chats set created_at = now() - make_interval(days => :days), last_message_at = null where id = :id")
			.param("days", days)
			.param("id", UUID.fromString(chatId))
			.update();
	}
}
