package dev.parley.ai.openai;

import static dev.parley.ai.openai.ChatCompletionsIntegrationTests.ECHO;
import static dev.parley.ai.openai.ChatCompletionsIntegrationTests.message;
import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.parley.ai.provider.EndlessProvider;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Streamed {@code POST /v1/chat/completions}: OpenAI's Server-Sent Events, chunk by chunk. */
@IntegrationTest
class ChatCompletionStreamIntegrationTests {


	@Autowired
	ApiClient api;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	String key;

	@BeforeEach
	void createKey() {
		key = OpenAiClient.newApiKey(api);
	}

	@Test
	void streamsDeltasThatAddUpToTheAnswerThenDone() {
		Response response = api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(message("user", "stream these words  please")), "stream", true));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/event-stream");
		List<String> events = OpenAiClient.events(response.body());
		assertThat(events.getLast()).isEqualTo("[DONE]");
		List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(OpenAiClient::json).toList();

		String id = chunks.getFirst().get("id").asString();
		assertThat(id).startsWith("chatcmpl-");
		for (JsonNode chunk : chunks) {
			assertThat(chunk.get("id").asString()).isEqualTo(id);
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.get("model").asString()).isEqualTo(ECHO);
			assertThat(chunk.get("created").asLong()).isEqualTo(chunks.getFirst().get("created").asLong());
			assertThat(chunk.has("usage")).isFalse();
			assertThat(chunk.get("choices")).hasSize(1);
		}
		assertThat(chunks.getFirst().get("choices").get(0).get("delta").get("role").asString()).isEqualTo("assistant");

		StringBuilder content = new StringBuilder();
		for (JsonNode chunk : chunks.subList(1, chunks.size() - 1)) {
			JsonNode choice = chunk.get("choices").get(0);
			assertThat(choice.get("index").asInt()).isZero();
			assertThat(choice.get("finish_reason").isNull()).isTrue();
			assertThat(choice.get("delta").has("role")).isFalse();
			content.append(choice.get("delta").get("content").asString());
		}
		assertThat(chunks.size() - 2).as("one delta per word").isEqualTo(5);
		assertThat(content.toString()).isEqualTo("Echo: stream these words please");

		JsonNode last = chunks.getLast().get("choices").get(0);
		assertThat(last.get("finish_reason").asString()).isEqualTo("stop");
		assertThat(last.get("delta").isEmpty()).isTrue();
	}

	@Test
	void endsWithAUsageChunkWhenAskedFor() {
		Response response = api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(message("system", "be brief"), message("user", "héllo wörld ✓")),
						"stream", true, "stream_options", map("include_usage", true)));

		List<String> events = OpenAiClient.events(response.body());
		assertThat(events.getLast()).isEqualTo("[DONE]");
		JsonNode usageChunk = OpenAiClient.json(events.get(events.size() - 2));
		assertThat(usageChunk.get("choices")).isEmpty();
		assertThat(usageChunk.get("usage").get("prompt_tokens").asInt()).isEqualTo(5);
		assertThat(usageChunk.get("usage").get("completion_tokens").asInt()).isEqualTo(4);
		assertThat(usageChunk.get("usage").get("total_tokens").asInt()).isEqualTo(9);
		JsonNode finish = OpenAiClient.json(events.get(events.size() - 3));
		assertThat(finish.get("choices").get(0).get("finish_reason").asString()).isEqualTo("stop");

		String content = events.subList(0, events.size() - 3)
			.stream()
			.map(OpenAiClient::json)
			.map(chunk -> chunk.get("choices").get(0).get("delta").path("content").asString(""))
			.reduce("", String::concat);
		assertThat(content).isEqualTo("Echo: héllo wörld ✓");
		assertThat(events.stream().filter(event -> event.contains("\"usage\""))).hasSize(1);
	}

	@Test
	void endsABrokenGenerationWithAnErrorEventAndNoDone() {
		Response response = api.post("/v1/chat/completions", key,
				map("model", "broken/anything", "messages", List.of(message("user", "hi")), "stream", true));

		assertThat(response.status()).isEqualTo(200);
		List<String> events = OpenAiClient.events(response.body());
		assertThat(events).doesNotContain("[DONE]");
		assertThat(OpenAiClient.json(events.get(1)).get("choices").get(0).get("delta").get("content").asString())
			.isEqualTo("Partial");
		JsonNode error = OpenAiClient.json(events.getLast()).get("error");
		assertThat(error.get("type").asString()).isEqualTo("server_error");
		assertThat(error.get("code").asString()).isEqualTo("provider_error");
	}

	@Test
	void anSseClientStillGetsTheErrorOfARequestRefusedBeforeStreaming() {
		ApiClient.Response response = api.send(api.request("/v1/chat/completions", key)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
					"{\"model\": \"nosuch/model\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().get("error").get("code").asString()).isEqualTo("model_not_found");
	}

	@Test
	void refusesAnUnknownModelBeforeStreaming() {
		Response response = api.post("/v1/chat/completions", key,
				map("model", "nosuch/model", "messages", List.of(message("user", "hi")), "stream", true));
		assertThat(OpenAiClient.error(response, 404).get("code").asString()).isEqualTo("model_not_found");
	}

	@Test
	void cancelsTheGenerationWhenTheClientGoesAway() throws Exception {
		double disconnectedBefore = disconnectedStreams();
		int cancellationsBefore = EndlessProvider.cancellations();
		byte[] body = JsonMapper.builder()
			.build()
			.writeValueAsBytes(map("model", "endless/words", "messages", List.of(message("user", "go on")), "stream", true));
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String line = in.readLine();
			while (line != null && !line.contains("\"content\":\"Endless\"")) {
				line = in.readLine();
			}
			// A delta of a generation that never ends arrived: the answer is written as it comes, not buffered.
			assertThat(line).isNotNull();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> EndlessProvider.cancellations() > cancellationsBefore);
		await().atMost(Duration.ofSeconds(10)).until(() -> disconnectedStreams() > disconnectedBefore);
		assertThat(api.get("/v1/models", key).status()).isEqualTo(200);
	}

	/** The counter as /metrics shows it (which needs an admin or the metrics token), read from its registry. */
	private double disconnectedStreams() {
		Counter counter = meters.find("parley.openai.streams").tag("outcome", "disconnected").counter();
		return counter == null ? 0 : counter.count();
	}
}
