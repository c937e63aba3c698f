package dev.parley.ai.credentials;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Users' provider keys over HTTP: kept encrypted, never shown again, visible to their owner only. */
@CredentialsIntegrationTest
class IntegrationsIntegrationTests {

	static final String KEY = "sk-proj-9XcVbN2mQwErTy7uIoP4aSdF";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	Session session;

	@BeforeEach
	void register() {
		session = api.register();
	}

	@Test
	void storesAKeyAndShowsOnlyItsLastFourCharacters() {
		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", "openai", "api_key", KEY, "label", "Work", "base_url", "https://llm.example.com/v1"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).doesNotContain(KEY);
		JsonNode body = created.json();
		assertThat(body.get("provider").asString()).isEqualTo("openai");
		assertThat(body.get("label").asString()).isEqualTo("Work");
		assertThat(body.get("base_url").asString()).isEqualTo("https://llm.example.com/v1");
		assertThat(body.get("api_key_last4").asString()).isEqualTo("aSdF");
		assertThat(body.get("created_at").asString()).isNotBlank();
		assertThat(body.get("last_tested_at").isNull()).isTrue();
		assertThat(body.get("last_test_ok").isNull()).isTrue();
		assertThat(body.has("api_key")).isFalse();

		String id = body.get("id").asString();
		Response one = api.get("/api/v1/integrations/" + id, session.accessToken());
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body()).doesNotContain(KEY);
		assertThat(one.json().get("api_key_last4").asString()).isEqualTo("aSdF");

		Response list = api.get("/api/v1/integrations", session.accessToken());
		assertThat(list.body()).doesNotContain(KEY);
		assertThat(list.json().get("items")).hasSize(1);
		assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(id);
		assertThat(list.json().get("next_cursor").isNull()).isTrue();
	}

	@Test
	void keepsTheKeyOnlyEncrypted() {
		String id = add("anthropic", KEY);

		Map<String, Object> row = jdbc.sql("select * from integrations where id = ?").params(UUID.fromString(id))
			.query()
			.singleRow();
		byte[] ciphertext = (byte[]) row.get("key_ciphertext");
		assertThat(ciphertext).hasSize(KEY.length() + 16);
		assertThat(indexOf(ciphertext, KEY.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
		assertThat((byte[]) row.get("key_nonce")).hasSize(12);
		assertThat(row.get("key_version")).isNotNull();
		String wholeRow = jdbc.sql("select i::text from integrations i where id = ?").params(UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(wholeRow).doesNotContain(KEY).doesNotContain(KEY.substring(0, 12));
	}

	@Test
	void changesTheKeyLabelAndBaseUrl() {
		String id = add("openai", KEY);
		String newKey = "sk-proj-second-key-000000WXYZ";

		Response changed = api.patch("/api/v1/integrations/" + id, session.accessToken(),
				map("api_key", newKey, "label", "Personal", "base_url", "https://proxy.example.org/v1"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body()).doesNotContain(newKey);
		assertThat(changed.json().get("api_key_last4").asString()).isEqualTo("WXYZ");
		assertThat(changed.json().get("label").asString()).isEqualTo("Personal");
		assertThat(changed.json().get("base_url").asString()).isEqualTo("https://proxy.example.org/v1");

		Response cleared = api.patch("/api/v1/integrations/" + id, session.accessToken(),
				map("label", "", "base_url", "", "api_key", newKey));
		assertThat(cleared.json().get("label").isNull()).isTrue();
		assertThat(cleared.json().get("base_url").isNull()).isTrue();
		assertThat(cleared.json().get("api_key_last4").asString()).isEqualTo("WXYZ");
	}

	@Test
	void movingAKeyToAnotherEndpointNeedsTheKeyInTheSameRequest() {
		String id = add("openai", KEY);
		String path = "/api/v1/integrations/" + id;

		Response moved = api.patch(path, session.accessToken(), map("base_url", "https://collector.example.net/v1"));
		Response otherProvider = api.patch(path, session.accessToken(), map("provider", "anthropic"));

		assertFieldRefused(moved, "api_key");
		assertFieldRefused(otherProvider, "api_key");
		Response unchanged = api.get(path, session.accessToken());
		assertThat(unchanged.json().get("base_url").isNull()).isTrue();
		assertThat(unchanged.json().get("provider").asString()).isEqualTo("openai");

		String newKey = "sk-proj-for-the-proxy-0000PRXY";
		Response withKey = api.patch(path, session.accessToken(),
				map("base_url", "https://proxy.example.org/v1", "api_key", newKey));
		assertThat(withKey.status()).isEqualTo(200);
		assertThat(withKey.json().get("base_url").asString()).isEqualTo("https://proxy.example.org/v1");
		assertThat(withKey.json().get("api_key_last4").asString()).isEqualTo("PRXY");

		Response sameUrl = api.patch(path, session.accessToken(),
				map("base_url", "https://proxy.example.org/v1", "label", "Proxy"));
		assertThat(sameUrl.status()).isEqualTo(200);
		assertFieldRefused(api.patch(path, session.accessToken(), map("base_url", "")), "api_key");
		assertThat(api.get(path, session.accessToken()).json().get("base_url").asString())
			.isEqualTo("https://proxy.example.org/v1");
	}

	@Test
	void deletesAKey() {
		String id = add("openai", KEY);

		assertThat(api.delete("/api/v1/integrations/" + id, session.accessToken()).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/integrations/" + id, session.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/integrations", session.accessToken()).json().get("items")).isEmpty();
		assertThat(api.delete("/api/v1/integrations/" + id, session.accessToken()).status()).isEqualTo(404);
	}

	@Test
	void refusesASecondKeyForTheSameProvider() {
		add("openai", KEY);

		Response duplicate = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", "OpenAI", "api_key", "sk-another-key-1234567890"));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");
		assertThat(duplicate.body()).doesNotContain("sk-another-key-1234567890");
		// Another user may still have their own.
		Session other = api.register();
		assertThat(api.post("/api/v1/integrations", other.accessToken(), map("provider", "openai", "api_key", KEY))
			.status()).isEqualTo(201);
	}

	@Test
	void showsAnotherUsersKeyToNobody() {
		String id = add("openai", KEY);
		Session intruder = api.register();
		Response unknown = api.get("/api/v1/integrations/" + UUID.randomUUID(), intruder.accessToken());

		Response read = api.get("/api/v1/integrations/" + id, intruder.accessToken());
		Response changed = api.patch("/api/v1/integrations/" + id, intruder.accessToken(), map("label", "mine"));
		Response deleted = api.delete("/api/v1/integrations/" + id, intruder.accessToken());
		Response tested = api.post("/api/v1/integrations/" + id + "/test", intruder.accessToken(), null);

		assertThat(unknown.status()).isEqualTo(404);
		for (Response response : new Response[] { read, changed, deleted, tested }) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
			assertThat(response.json().get("type").asString()).isEqualTo(unknown.json().get("type").asString());
		}
		assertThat(api.get("/api/v1/integrations", intruder.accessToken()).json().get("items")).isEmpty();
		Response mine = api.get("/api/v1/integrations/" + id, session.accessToken());
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("label").isNull()).isTrue();
	}

	@Test
	void refusesInvalidRequests() {
		assertInvalid(map("provider", "skynet", "api_key", KEY), "provider");
		assertInvalid(map("provider", "local", "api_key", KEY), "provider");
		assertInvalid(map("api_key", KEY), "provider");
		assertInvalid(map("provider", "openai"), "api_key");
		assertInvalid(map("provider", "openai", "api_key", ""), "api_key");
		assertInvalid(map("provider", "openai", "api_key", "   "), "api_key");
		assertInvalid(map("provider", "openai", "api_key", "x".repeat(501)), "api_key");
		assertInvalid(map("provider", "openai", "api_key", "sk-with space"), "api_key");
		assertInvalid(map("provider", "openai", "api_key", KEY, "base_url", "ftp://example.com"), "base_url");
		assertInvalid(map("provider", "openai", "api_key", KEY, "base_url", "example.com/v1"), "base_url");
		assertInvalid(map("provider", "openai", "api_key", KEY, "base_url", "http://169.254.169.254/"), "base_url");
		assertInvalid(map("provider", "openai", "api_key", KEY, "label", "l".repeat(101)), "label");
		assertThat(api.get("/api/v1/integrations", session.accessToken()).json().get("items")).isEmpty();

		String id = add("openai", KEY);
		Response badPatch = api.patch("/api/v1/integrations/" + id, session.accessToken(), map("api_key", ""));
		assertThat(badPatch.status()).isEqualTo(400);
		assertThat(badPatch.json().get("errors").get(0).get("field").asString()).isEqualTo("api_key");
		Response badUrl = api.patch("/api/v1/integrations/" + id, session.accessToken(), map("base_url", "http://localhost"));
		assertThat(badUrl.status()).isEqualTo(400);
		assertThat(badUrl.json().get("errors").get(0).get("field").asString()).isEqualTo("base_url");
	}

	@Test
	void acceptsAKeyForAConfiguredProviderWithoutLastFourWhenItIsShort() {
		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", "testprov", "api_key", "  short-key  "));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("api_key_last4").isNull()).isTrue();
		assertThat(created.json().get("label").isNull()).isTrue();
		assertThat(created.body()).doesNotContain("short-key");
	}

	@Test
	void needsAuthentication() {
		assertThat(api.get("/api/v1/integrations", null).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/integrations", null, map("provider", "openai", "api_key", KEY)).status())
			.isEqualTo(401);
	}

	private void assertFieldRefused(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode errors = response.json().get("errors");
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < errors.size(); i++) {
			fields.add(errors.get(i).get("field").asString());
		}
		assertThat(fields).contains(field);
	}

	private void assertInvalid(Map<String, Object> request, String field) {
		Response response = api.post("/api/v1/integrations", session.accessToken(), request);
		assertThat(response.status()).as("%s", request.keySet()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(response.body()).doesNotContain(KEY);
	}

	private String add(String provider, String key) {
		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", provider, "api_key", key));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
