package dev.parley.analytics;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Events clients track and the server records, read back per user, by name and by time. */
@IntegrationTest
@TestPropertySource(properties = "parley.identity.admin-email=" + AnalyticsEventsIntegrationTests.ADMIN)
class AnalyticsEventsIntegrationTests {

	static final String ADMIN = "events-admin@example.com";

	@Autowired
	ApiClient api;

	@Test
	void tracksOneEventAndABatchAndReadsThemBackNewestFirst() {
		ApiClient.Session session = api.register();
		String token = session.accessToken();
		Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Response one = api.post("/api/v1/analytics/events", token,
				map("name", "button_clicked", "properties", map("button", "export"), "occurred_at", earlier.toString()));
		assertThat(one.status()).isEqualTo(202);
		assertThat(one.json().get("accepted").asInt()).isEqualTo(1);
		Response batch = api.post("/api/v1/analytics/events", token,
				List.of(map("name", "page.viewed", "properties", map("page", "/chats")), map("name", "page.viewed")));
		assertThat(batch.status()).isEqualTo(202);
		assertThat(batch.json().get("ids")).hasSize(2);

		JsonNode page = api.get("/api/v1/analytics/events?source=client", token).json();
		List<String> names = new ArrayList<>();
		page.get("items").forEach(item -> names.add(item.get("name").asString()));
		assertThat(names).containsExactly("page.viewed", "page.viewed", "button_clicked");
		JsonNode clicked = page.get("items").get(2);
		assertThat(clicked.get("properties").get("button").asString()).isEqualTo("export");
		assertThat(Instant.parse(clicked.get("occurred_at").asString())).isEqualTo(earlier);
		assertThat(clicked.get("source").asString()).isEqualTo("client");

		JsonNode viewed = api.get("/api/v1/analytics/events?name=page.viewed&limit=1", token).json();
		assertThat(viewed.get("items")).hasSize(1);
		String next = viewed.get("next_cursor").asString();
		JsonNode rest = api.get("/api/v1/analytics/events?name=page.viewed&limit=1&cursor=" + next, token).json();
		assertThat(rest.get("items")).hasSize(1);
		assertThat(rest.get("items").get(0).get("id").asString())
			.isNotEqualTo(viewed.get("items").get(0).get("id").asString());
		assertThat(rest.get("next_cursor").isNull()).isTrue();
	}

	@Test
	void refusesABatchWithEveryInvalidFieldNamedAndStoresNoneOfIt() {
		ApiClient.Session session = api.register();
		String token = session.accessToken();
		Response refused = api.post("/api/v1/analytics/events", token,
				List.of(map("name", "fine.event"), map("name", "Not Valid"),
						map("name", "later", "occurred_at", Instant.now().plus(1, ChronoUnit.DAYS).toString()),
						map("name", "extra", "colour", "red"), map("name", "x", "properties", List.of(1, 2))));
		assertThat(refused.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("[1].name", "[2].occurred_at", "[3].colour", "[4].properties");
		assertThat(api.get("/api/v1/analytics/events?source=client", token).json().get("items")).isEmpty();
	}

	@Test
	void refusesTooManyEventsAndHugeProperties() {
		String token = api.register().accessToken();
		List<Map<String, Object>> many = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			many.add(map("name", "tick"));
		}
		Response tooMany = api.post("/api/v1/analytics/events", token, many);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
		Response huge = api.post("/api/v1/analytics/events", token,
				map("name", "big", "properties", map("blob", "x".repeat(9000))));
		assertThat(huge.status()).isEqualTo(400);
		assertThat(huge.json().get("errors").get(0).get("field").asString()).isEqualTo("properties");
		assertThat(api.post("/api/v1/analytics/events", token, "just a string").status()).isEqualTo(400);
	}

	@Test
	void recordsServerEventsFromTheModulesAndKeepsUsersApart() {
		ApiClient.Session owner = api.register();
		String chatId = api.post("/api/v1/chats", owner.accessToken(), map("title", "Observed")).json().get("id")
			.asString();
		assertThat(api.post("/api/v1/chats/" + chatId + "/completions", owner.accessToken(), map("content", "hello"))
			.status()).isEqualTo(200);
		assertThat(api.delete("/api/v1/chats/" + chatId, owner.accessToken()).status()).isEqualTo(204);

		JsonNode server = api.get("/api/v1/analytics/events?source=server", owner.accessToken()).json();
		List<String> names = new ArrayList<>();
		server.get("items").forEach(item -> {
			names.add(item.get("name").asString());
			assertThat(item.get("properties").get("chat_id").asString()).isEqualTo(chatId);
		});
		assertThat(names).containsExactly("chat.deleted", "message.posted", "chat.created");

		ApiClient.Session other = api.register();
		assertThat(api.get("/api/v1/analytics/events", other.accessToken()).json().get("items")).isEmpty();
		Response snooping = api.get("/api/v1/analytics/events?user_id=" + owner.userId(), other.accessToken());
		assertThat(snooping.status()).isEqualTo(400);
		JsonNode audited = api.get("/api/v1/analytics/events?source=server&user_id=" + owner.userId(), adminToken())
			.json();
		assertThat(audited.get("items")).hasSize(3);
	}

	@Test
	void refusesAnUnknownSource() {
		Response refused = api.get("/api/v1/analytics/events?source=robot", api.register().accessToken());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("source");
	}

	private String adminToken() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", ADMIN, "password", "a long enough passphrase"));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN, "password", "a long enough passphrase"));
		return session.json().get("access_token").asString();
	}
}
