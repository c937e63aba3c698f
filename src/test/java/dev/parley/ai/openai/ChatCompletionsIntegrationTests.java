package dev.parley.ai.openai;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/chat/completions} over real HTTP, answered by {@code local/echo}, as an OpenAI client sees it. */
@IntegrationTest
class ChatCompletionsIntegrationTests {

	static final String ECHO = "local/echo";

	@Autowired
	ApiClient api;

	String key;

	@BeforeEach
	void createKey() {
		key = OpenAiClient.newApiKey(api);
	}

	@Test
	void answersWithTheWholeCompletion() {
		List<Map<String, Object>> messages = List.of(message("system", "You are a terse assistant."),
				message("developer", "Answer briefly."), message("user", "hello there"),
				message("assistant", "Echo: hello there"), message("user", "please repeat these five words"));
		Response response = api.post("/v1/chat/completions", key, map("model", ECHO, "messages", messages,
				"temperature", 0.2, "max_tokens", 100, "logprobs", false, "user", "someone"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode completion = response.json();
		assertThat(completion.get("id").asString()).startsWith("chatcmpl-");
		assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
		assertThat(completion.get("created").asLong()).isPositive();
		assertThat(completion.get("model").asString()).isEqualTo(ECHO);
		assertThat(completion.get("choices")).hasSize(1);
		JsonNode choice = completion.get("choices").get(0);
		assertThat(choice.get("index").asInt()).isZero();
		assertThat(choice.get("message").get("role").asString()).isEqualTo("assistant");
		assertThat(choice.get("message").get("content").asString()).isEqualTo("Echo: please repeat these five words");
		assertThat(choice.get("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = completion.get("usage");
		int promptWords = messages.stream().mapToInt(m -> words((String) m.get("content"))).sum();
		assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(promptWords).isEqualTo(17);
		assertThat(usage.get("completion_tokens").asInt()).isEqualTo(6);
		assertThat(usage.get("total_tokens").asInt()).isEqualTo(23);
	}

	@Test
	void takesContentAsAnArrayOfTextParts() {
		Object parts = List.of(map("type", "text", "text", "first part"), map("type", "text", "text", "second"));
		Response response = api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(map("role", "user", "content", parts))));
		assertThat(response.status()).isEqualTo(200);
		JsonNode completion = response.json();
		assertThat(completion.get("choices").get(0).get("message").get("content").asString())
			.isEqualTo("Echo: first part second");
		assertThat(completion.get("usage").get("prompt_tokens").asInt()).isEqualTo(3);
	}

	@Test
	void stopsAtMaxCompletionTokensWhichWinsOverMaxTokens() {
		Response response = api.post("/v1/chat/completions", key, map("model", ECHO, "messages",
				List.of(message("user", "one two three four")), "max_tokens", 50, "max_completion_tokens", 2));
		JsonNode choice = response.json().get("choices").get(0);
		assertThat(choice.get("message").get("content").asString()).isEqualTo("Echo: one");
		assertThat(choice.get("finish_reason").asString()).isEqualTo("length");
		assertThat(response.json().get("usage").get("completion_tokens").asInt()).isEqualTo(2);
	}

	@Test
	void callsToolsAndReadsTheirResultsAndHonoursToolChoiceNone() {
		Object tools = List.of(TranslatedChatCompletionsIntegrationTests.weatherTool());
		Response called = api.post("/v1/chat/completions", key, map("model", ECHO, "tools", tools, "messages",
				List.of(message("user", "/tool weather {\"city\":\"Porto\"}"))));
		JsonNode choice = called.json().get("choices").get(0);
		TranslatedChatCompletionsIntegrationTests.assertSpecFields(called.json());
		assertThat(choice.get("finish_reason").asString()).isEqualTo("tool_calls");
		JsonNode call = choice.get("message").get("tool_calls").get(0);
		assertThat(call.get("function").get("arguments").asString()).isEqualTo("{\"city\":\"Porto\"}");

		Response answered = api.post("/v1/chat/completions", key, map("model", ECHO, "tools", tools, "messages", List.of(
				message("user", "/tool weather {\"city\":\"Porto\"}"),
				map("role", "assistant", "content", null, "tool_calls", List.of(map("id", call.get("id").asString(),
						"type", "function", "function", map("name", "weather", "arguments", "{}")))),
				map("role", "tool", "tool_call_id", call.get("id").asString(), "content", "sunny"))));
		assertThat(answered.json().get("choices").get(0).get("message").get("content").asString())
			.isEqualTo("Echo: tool weather returned sunny");

		Response refused = api.post("/v1/chat/completions", key, map("model", ECHO, "tools", tools, "tool_choice", "none",
				"messages", List.of(message("user", "/tool weather {}"))));
		assertThat(refused.json().get("choices").get(0).get("finish_reason").asString()).isEqualTo("stop");
		assertThat(refused.json().get("choices").get(0).get("message").has("tool_calls")).isFalse();
	}

	@Test
	void documentsTheTranslatedFieldsAndNotTheCatchAll() {
		JsonNode schemas = api.get("/openapi.json", null).json().get("components").get("schemas");
		JsonNode request = schemas.get("ChatCompletionRequest").get("properties");
		assertThat(request.has("tools")).isTrue();
		assertThat(request.has("tool_choice")).isTrue();
		assertThat(request.has("response_format")).isTrue();
		assertThat(request.has("drop_params")).isTrue();
		assertThat(request.has("others")).isFalse();
	}

	@Test
	void acceptsAnAccessTokenAsTheKeyToo() {
		ApiClient.Session session = api.register();
		Response response = api.post("/v1/chat/completions", session.accessToken(),
				map("model", ECHO, "messages", List.of(message("user", "hi"))));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("choices").get(0).get("message").get("content").asString()).isEqualTo("Echo: hi");
	}

	@Test
	void answersAnUnknownModelWithModelNotFound() {
		for (String model : List.of("nosuch/model", "gpt-4o")) {
			Response response = api.post("/v1/chat/completions", key,
					map("model", model, "messages", List.of(message("user", "hi"))));
			JsonNode error = OpenAiClient.error(response, 404);
			assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
			assertThat(error.get("code").asString()).isEqualTo("model_not_found");
			assertThat(error.get("param").asString()).isEqualTo("model");
			assertThat(error.get("message").asString()).contains(model);
		}
	}

	@Test
	void answersInvalidRequestsWithOpenAiErrors() {
		JsonNode noMessages = OpenAiClient.error(
				api.post("/v1/chat/completions", key, map("model", ECHO, "messages", List.of())), 400);
		assertThat(noMessages.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(noMessages.get("param").asString()).isEqualTo("messages");

		JsonNode toolWithoutCall = OpenAiClient.error(api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(message("user", "hi"), message("tool", "42")))), 400);
		assertThat(toolWithoutCall.get("param").asString()).isEqualTo("messages[1].tool_call_id");

		JsonNode functionRole = OpenAiClient.error(api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(message("user", "hi"), message("function", "42")))), 400);
		assertThat(functionRole.get("param").asString()).isEqualTo("messages[1].role");

		Object imagePart = List.of(map("type", "text", "text", "look"),
				map("type", "image_url", "image_url", map("url", "https://example.com/cat.png")));
		JsonNode image = OpenAiClient.error(api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(map("role", "user", "content", imagePart)))), 400);
		assertThat(image.get("param").asString()).isEqualTo("messages[0].content[1]");

		JsonNode hot = OpenAiClient.error(api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(message("user", "hi")), "temperature", 3)), 400);
		assertThat(hot.get("param").asString()).isEqualTo("temperature");

		JsonNode twoChoices = OpenAiClient.error(api.post("/v1/chat/completions", key,
				map("model", ECHO, "messages", List.of(message("user", "hi")), "n", 2)), 400);
		assertThat(twoChoices.get("param").asString()).isEqualTo("n");

		JsonNode malformed = OpenAiClient.error(
				api.raw("POST", "/v1/chat/completions", key, "application/json", "{\"model\": "), 400);
		assertThat(malformed.get("type").asString()).isEqualTo("invalid_request_error");

		OpenAiClient.error(api.raw("POST", "/v1/chat/completions", key, "text/plain", "hi"), 415);
	}

	@Test
	void answersAProviderFailureWithBadGateway() {
		Response response = api.post("/v1/chat/completions", key,
				map("model", "broken/anything", "messages", List.of(message("user", "hi"))));
		JsonNode error = OpenAiClient.error(response, 502);
		assertThat(error.get("type").asString()).isEqualTo("server_error");
		assertThat(error.get("code").asString()).isEqualTo("provider_error");
		assertThat(error.get("message").asString()).doesNotContain("upstream exploded");
	}

	@Test
	void refusesAMissingKeyAsOpenAiDoes() {
		Response response = api.post("/v1/chat/completions", null,
				map("model", ECHO, "messages", List.of(message("user", "hi"))));
		JsonNode error = OpenAiClient.error(response, 401);
		assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.get("code").isNull()).isTrue();
		assertThat(error.get("message").asString()).contains("didn't provide an API key");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void refusesAWrongKeyAsOpenAiDoesWithoutEchoingIt() {
		String wrong = "pk_" + "x".repeat(43);
		Response response = api.post("/v1/chat/completions", wrong,
				map("model", ECHO, "messages", List.of(message("user", "hi"))));
		JsonNode error = OpenAiClient.error(response, 401);
		assertThat(error.get("code").asString()).isEqualTo("invalid_api_key");
		assertThat(response.body()).doesNotContain(wrong);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");

		// The rest of the API keeps its RFC 9457 problems.
		Response elsewhere = api.get("/api/v1/auth/me", wrong);
		assertThat(elsewhere.status()).isEqualTo(401);
		assertThat(elsewhere.contentType()).startsWith("application/problem+json");
	}

	static Map<String, Object> message(String role, String content) {
		return map("role", role, "content", content);
	}

	static int words(String text) {
		return (int) Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty()).count();
	}
}
