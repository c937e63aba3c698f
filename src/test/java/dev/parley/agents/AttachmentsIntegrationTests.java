package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A chat message carrying files: a document's text reaches the model (local/echo quotes it back). */
@IntegrationTest
class AttachmentsIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void putsAnAttachedDocumentsTextIntoThePrompt() {
		ApiClient.Session session = api.register();
		String token = session.accessToken();
		String fileId = upload(token, "plan.md", "# Plan\nShip on Friday.");
		String chatId = api.post("/api/v1/chats", token, map("title", "With a file")).json().get("id").asString();
		Response turn = api.post("/api/v1/chats/" + chatId + "/completions", token,
				map("content", "Summarise the file", "file_ids", List.of(fileId)));
		assertThat(turn.status()).isEqualTo(200);
		assertThat(turn.json().get("assistant_message").get("content").asString())
			.contains("Summarise the file", "Ship on Friday.", "plan.md");

		Response next = api.post("/api/v1/chats/" + chatId + "/completions", token, map("content", "And now?"));
		assertThat(next.status()).isEqualTo(200);
	}

	@Test
	void refusesAnotherUsersFileAndStoresNothing() {
		String othersFile = upload(api.register().accessToken(), "theirs.txt", "not yours");
		String token = api.register().accessToken();
		String chatId = api.post("/api/v1/chats", token, map("title", "Nosy")).json().get("id").asString();
		Response refused = api.post("/api/v1/chats/" + chatId + "/completions", token,
				map("content", "read it", "file_ids", List.of(othersFile)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file_ids");
		assertThat(api.get("/api/v1/chats/" + chatId + "/messages", token).json().get("items")).isEmpty();
		Response unknown = api.post("/api/v1/chats/" + chatId + "/completions", token,
				map("content", "read it", "file_ids", List.of(UUID.randomUUID().toString())));
		assertThat(unknown.status()).isEqualTo(400);
	}

	private String upload(String token, String name, String text) {
		String boundary = "b-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		Response response = api.send(api.request("/api/v1/files", token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asString();
	}
}
