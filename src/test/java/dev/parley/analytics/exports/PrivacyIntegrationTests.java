package dev.parley.analytics.exports;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The right of access and the right to erasure, end to end: a user with data in every module
 * exports it all, then erases the account; afterwards no table holds a row of theirs.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + PrivacyIntegrationTests.ADMIN,
		"parley.platform.outbound.allow-private-addresses=true" })
class PrivacyIntegrationTests {

	static final String ADMIN = "privacy-admin@example.com";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void exportsEverythingAUserOwnsAndErasureLeavesNoneOfIt() throws Exception {
		adminToken();
		ApiClient.Session session = api.register();
		String token = session.accessToken();
		UUID userId = UUID.fromString(session.userId());
		String chatId = api.post("/api/v1/chats", token, map("title", "Private chat")).json().get("id").asString();
		assertThat(api.post("/api/v1/chats/" + chatId + "/completions", token, map("content", "my secret plan"))
			.status()).isEqualTo(200);
		String fileId = upload(token, "notes.txt", "remember the milk".getBytes(StandardCharsets.UTF_8));
		String apiKey = api.post("/api/v1/api-keys", token, map("name", "script")).json().get("key").asString();
		String projectId = api.post("/api/v1/projects", token, map("name", "Garden")).json().get("id").asString();
		api.post("/api/v1/analytics/events", token, map("name", "page.viewed"));
		assertThat(api.post("/api/v1/webhooks", token,
				map("url", "http://127.0.0.1:9/hook", "events", List.of("chat.created"))).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/newsletter/subscribe", null, map("email", session.email(), "consent_text_version", "v1")).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> count("usage_records", userId) == 1);

		Response requested = api.post("/api/v1/users/me/export", token, map());
		assertThat(requested.status()).isEqualTo(202);
		String exportId = requested.json().get("id").asString();
		HttpResponse<byte[]> zip = await().atMost(Duration.ofSeconds(30)).until(() -> download(token, exportId),
				response -> response.statusCode() == 200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, String> entries = unzip(zip.body());
		assertThat(entries.get("profile.jsonl")).contains(session.email()).doesNotContain("password_hash");
		assertThat(entries.get("chats.jsonl")).contains(chatId, "Private chat");
		assertThat(entries.get("messages.jsonl")).contains("my secret plan");
		assertThat(entries.get("runs.jsonl")).contains(chatId);
		assertThat(entries.get("usage.jsonl")).contains("local/echo");
		assertThat(entries.get("files.jsonl")).contains(fileId).doesNotContain("storage_key");
		assertThat(entries.get("files/" + fileId + "/notes.txt")).isEqualTo("remember the milk");
		assertThat(entries.get("api_keys.jsonl")).contains("script").doesNotContain("key_hash");
		assertThat(entries.get("projects.jsonl")).contains(projectId);
		assertThat(entries.get("analytics_events.jsonl")).contains("page.viewed", "chat.created");
		assertThat(entries.get("webhooks.jsonl")).contains("127.0.0.1:9").doesNotContain("secret_ciphertext");
		assertThat(entries.get("consent_ledger.jsonl")).contains("subscribe_requested");
		assertThat(entries.get("manifest.json")).contains(session.userId());
		assertThat(String.join("\n", entries.values())).doesNotContain(apiKey);

		ApiClient.Session stranger = api.register();
		assertThat(api.get("/api/v1/users/me/exports/" + exportId, stranger.accessToken()).status()).isEqualTo(404);

		Response wrongPassword = api.send(api.request("/api/v1/users/me", token)
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\": \"not the password\"}")));
		assertThat(wrongPassword.status()).isEqualTo(400);
		Response byKey = api.send(api.request("/api/v1/users/me", apiKey)
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\": \"" + ApiClient.Session.PASSWORD + "\"}")));
		assertThat(byKey.status()).isEqualTo(403);
		Response erased = api.send(api.request("/api/v1/users/me", token)
			.header("Content-Type", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\": \"" + ApiClient.Session.PASSWORD + "\"}")));
		assertThat(erased.status()).isEqualTo(204);

		assertThat(api.get("/api/v1/chats", token).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/chats", apiKey).status()).isEqualTo(401);
		for (String table : tablesWithUserId()) {
			assertThat(count(table, userId)).as(table).isZero();
		}
		assertThat(jdbc.sql("select count(*) from newsletter_consents where email = :e").param("e", session.email())
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from messages where chat_id = cast(:c as uuid)").param("c", chatId)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select coalesce(sum(requests), 0) from usage_aggregates where model = 'local/echo'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void letsAdminsExportAndEraseAUserAndNobodyElse() throws Exception {
		String admin = adminToken();
		ApiClient.Session user = api.register();
		api.post("/api/v1/chats", user.accessToken(), map("title", "Audited"));
		assertThat(api.post("/api/v1/admin/users/" + user.userId() + "/export", user.accessToken(), map()).status())
			.isEqualTo(403);
		Response requested = api.post("/api/v1/admin/users/" + user.userId() + "/export", admin, map());
		assertThat(requested.status()).isEqualTo(202);
		String exportId = requested.json().get("id").asString();
		HttpResponse<byte[]> zip = await().atMost(Duration.ofSeconds(30))
			.until(() -> download(admin, "/api/v1/admin/exports/" + exportId), response -> response.statusCode() == 200);
		assertThat(unzip(zip.body()).get("chats.jsonl")).contains("Audited");
		assertThat(api.delete("/api/v1/admin/users/" + user.userId(), user.accessToken()).status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/admin/users/" + user.userId(), admin).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/chats", user.accessToken()).status()).isEqualTo(401);
		assertThat(api.delete("/api/v1/admin/users/" + user.userId(), admin).status()).isEqualTo(404);
	}

	private List<String> tablesWithUserId() {
		return jdbc.sql("""
				select table_name from information_schema.columns
				where table_schema = current_schema() and column_name = 'user_id' order by table_name""")
			.query(String.class)
			.list();
	}

	private long count(String table, UUID userId) {
		return jdbc.sql("select count(*) from " + table + " where user_id = :id").param("id", userId)
			.query(Long.class).single();
	}

	private HttpResponse<byte[]> download(String token, String exportId) throws IOException, InterruptedException {
		return download(token, exportId.startsWith("/") ? exportId : "/api/v1/users/me/exports/" + exportId, true);
	}

	private HttpResponse<byte[]> download(String token, String path, boolean unused)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	private String upload(String token, String name, byte[] bytes) {
		String boundary = "b-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Response response = api.send(api.request("/api/v1/files", token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String adminToken() {
		Response registered = api.post("/api/v1/auth/register", null,
				map("email", ADMIN, "password", "a long enough passphrase"));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN, "password", "a long enough passphrase"));
		return session.json().get("access_token").asString();
	}
}
