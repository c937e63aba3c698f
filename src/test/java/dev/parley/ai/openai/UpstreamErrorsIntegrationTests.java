package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.fake.Reply;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an OpenAI SDK gets when the server behind a passed-through request fails: the status it
 * would have got from OpenAI, the server's own words without keys or URLs, no retries multiplied,
 * and a circuit breaker that only a model's own failures open, for that model only. Each test
 * names a model of its own, so that the breakers of one test never see another's calls.
 */
class UpstreamErrorsIntegrationTests extends PassThroughServers {

	static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

	@Test
	void answersARefusedRequestWithTheSameStatusAndTheServersWordsCleaned() {
		for (int status : new int[] { 400, 404, 422 }) {
			openai.enqueue(Reply.json(status, """
					{"error":{"message":"Invalid 'tools[0]': see https://internal.example.com/docs?key=sk-abcdef123456 for key sk-proj-AbCdEf0123456789xyz",\
					"type":"invalid_request_error","param":"tools[0]","code":"invalid_value"}}"""));

			Response response = complete(caller(), "{\"model\":\"openai/refused-" + status + "\"," + HI);

			JsonNode error = OpenAiClient.error(response, status);
			assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
			assertThat(error.get("param").asString()).isEqualTo("tools[0]");
			assertThat(error.get("code").asString()).isEqualTo("invalid_value");
			assertThat(error.get("message").asString()).startsWith("Invalid 'tools[0]': see")
				.doesNotContain("https://", "internal.example.com", "sk-abcdef", "sk-proj", "AbCdEf0123456789xyz");
			assertThat(response.header(UpstreamErrors.SHOULD_RETRY)).isNull();
		}
		assertThat(openai.requestCount()).isEqualTo(3);
	}

	@Test
	void answersARateLimitWith429AndTheServersRetryAfter() {
		// It asks for longer than parley.ai.retry.max-retry-after: Parley does not wait, the client may.
		openai.enqueue(OpenAiWire.error(429, "rate_limit_exceeded").withHeader("Retry-After", "7"));

		Response response = complete(caller(), "{\"model\":\"openai/limited\"," + HI);

		JsonNode error = OpenAiClient.error(response, 429);
		assertThat(error.get("type").asString()).isEqualTo("rate_limit_error");
		assertThat(response.header("Retry-After")).isEqualTo("7");
		assertThat(response.header(UpstreamErrors.SHOULD_RETRY)).isNull();
		assertThat(openai.requestCount()).isEqualTo(1);
	}

	@Test
	void answersServerErrorsWithBadGatewayAfterRetryingAndTellsTheSdkNotToRetry() {
		openai.enqueue(OpenAiWire.error(500, "server_error"), OpenAiWire.error(503, "server_error"));

		Response response = complete(caller(), "{\"model\":\"openai/failing\"," + HI);

		JsonNode error = OpenAiClient.error(response, 502);
		assertThat(error.get("type").asString()).isEqualTo("server_error");
		assertThat(response.header(UpstreamErrors.SHOULD_RETRY)).isEqualTo("false");
		assertThat(openai.requestCount()).isEqualTo(2);
	}

	@Test
	void answersASilentServerWithGatewayTimeout() {
		openai.enqueue(OpenAiWire.stream("late").delayedBy(Duration.ofSeconds(3)));

		Response response = complete(caller(), "{\"model\":\"openai/slow\",\"stream\":true," + HI);

		OpenAiClient.error(response, 504);
		assertThat(openai.requestCount()).isEqualTo(1);
	}

	@Test
	void answersAServerSilentForTheWholeRequestTimeoutWithGatewayTimeout() {
		openai.enqueue(OpenAiWire.json("late").delayedBy(Duration.ofSeconds(8)));
		long started = System.nanoTime();

		Response response = complete(caller(), "{\"model\":\"openai/slow-whole\"," + HI);

		OpenAiClient.error(response, 504);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4),
				Duration.ofSeconds(7));
		assertThat(openai.requestCount()).isEqualTo(1);
	}

	@Test
	void aRefusedServerKeyIsABadGatewayButARefusedOwnKeyIsTheUsersToFix() {
		openai.enqueue(OpenAiWire.error(401, "invalid_request_error"));
		JsonNode serverKey = OpenAiClient.error(complete(caller(), "{\"model\":\"openai/keyed\"," + HI), 502);
		assertThat(serverKey.get("message").asString()).doesNotContain("sk-te");

		Caller caller = caller();
		String ownKey = "sk-own-0123456789abcdef";
		Response stored = api.post("/api/v1/integrations", caller.session().accessToken(),
				map("provider", "openai", "api_key", ownKey, "base_url", own.baseUrl() + "/v1"));
		assertThat(stored.status()).isEqualTo(201);
		own.enqueue(OpenAiWire.error(401, "invalid_request_error"));

		Response response = complete(caller, "{\"model\":\"openai/keyed\"," + HI);

		JsonNode error = OpenAiClient.error(response, 401);
		assertThat(error.get("code").asString()).isEqualTo("invalid_api_key");
		assertThat(error.get("message").asString()).contains("your own API key").doesNotContain(ownKey, "sk-te");
		assertThat(own.requests()).hasSize(1);
		assertThat(own.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + ownKey);
		assertThat(usage(caller, 1).getFirst()).containsEntry("key_source", "own").containsEntry("status", "failed");
	}

	@Test
	void oneModelsFailuresOpenItsBreakerOnly() {
		for (int i = 0; i < 4; i++) {
			openai.enqueue(OpenAiWire.error(500, "server_error"));
		}
		Caller caller = caller();
		OpenAiClient.error(complete(caller, "{\"model\":\"openai/sinking\"," + HI), 502);
		OpenAiClient.error(complete(caller, "{\"model\":\"openai/sinking\"," + HI), 502);
		assertThat(openai.requestCount()).isEqualTo(4);

		JsonNode open = OpenAiClient.error(complete(caller, "{\"model\":\"openai/sinking\"," + HI), 503);
		assertThat(open.get("message").asString()).contains("unavailable");
		assertThat(openai.requestCount()).isEqualTo(4);

		assertThat(complete(caller, "{\"model\":\"openai/floating\"," + HI).status()).isEqualTo(200);
		assertThat(openai.requestCount()).isEqualTo(5);
	}

	@Test
	void refusedRequestsNeverOpenTheBreaker() {
		Caller caller = caller();
		for (int i = 0; i < 6; i++) {
			if (i % 2 == 0) {
				openai.enqueue(OpenAiWire.error(400, "invalid_request_error"));
			}
			else {
				// A rate limit is tried again, once here.
				openai.enqueue(OpenAiWire.error(429, "rate_limit_exceeded"), OpenAiWire.error(429, "rate_limit_exceeded"));
			}
			assertThat(complete(caller, "{\"model\":\"openai/picky\"," + HI).status()).isEqualTo(i % 2 == 0 ? 400 : 429);
		}

		assertThat(complete(caller, "{\"model\":\"openai/picky\"," + HI).status()).isEqualTo(200);
	}

	@Test
	void answersABodyThatIsNotJsonAsOpenAiDoes() {
		Response response = api.raw("POST", "/v1/chat/completions", caller().key(), "application/json", "[1, 2]");

		JsonNode error = OpenAiClient.error(response, 400);
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(openai.requestCount()).isZero();
	}
}
