package dev.parley.ai.quota;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import tools.jackson.databind.JsonNode;

/** What the quota tests do over HTTP: sign in the admin, set quotas, run turns, read the quota. */
final class QuotaApi {

	static final String ADMIN_EMAIL = "quota-admin@example.com";

	private final ApiClient api;

	QuotaApi(ApiClient api) {
		this.api = api;
	}

	String adminToken() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", ADMIN_EMAIL, "password", Session.PASSWORD));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN_EMAIL, "password", Session.PASSWORD));
		assertThat(session.json().get("user").get("role").asString()).as(session.body()).isEqualTo("admin");
		return session.json().get("access_token").asString();
	}

	Response put(String token, String path, String json) {
		return api.raw("PUT", "/api/v1/admin/quotas/" + path, token, "application/json", json);
	}

	void set(String adminToken, String path, String json) {
		Response put = put(adminToken, path, json);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
	}

	String chat(Session session) {
		return api.post("/api/v1/chats", session.accessToken(), map("title", "Quota")).json().get("id").asString();
	}

	Response turn(Session session, String chatId, String content, int maxTokens) {
		return api.post("/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", content, "max_tokens", maxTokens));
	}

	Response generate(String token, String model, int maxTokens) {
		return api.post("/api/v1/ai/generate", token, map("model", model, "prompt", "say something", "max_tokens", maxTokens));
	}

	JsonNode mine(String token) {
		Response quota = api.get("/api/v1/users/me/quota", token);
		assertThat(quota.status()).as(quota.body()).isEqualTo(200);
		return quota.json();
	}

	static long tokens(Response turn) {
		JsonNode usage = turn.json().get("assistant_message").get("usage");
		return usage.get("prompt_tokens").asLong() + usage.get("completion_tokens").asLong();
	}
}
