package dev.parley.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.fake.Reply;
import dev.parley.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/chat/completions} for models of OpenAI-compatible servers goes through as the
 * client sent it, and comes back as the server answered, with only {@code model} renamed.
 */
class PassThroughIntegrationTests extends PassThroughServers {

	// Tests whose server fails use models of their own: each model has its own circuit breaker.

	/** Everything a LangChain or Vercel AI SDK request may carry, fields OpenAI has not invented yet included. */
	static final String FULL_REQUEST = """
			{"model":"openai/gpt-4o-mini","messages":[{"role":"system","content":"Be terse."},\
			{"role":"user","content":[{"type":"text","text":"What is 6*7?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]},\
			{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"calc","arguments":"{\\"x\\":6}"}}]},\
			{"role":"tool","tool_call_id":"call_1","content":"42"}],\
			"tools":[{"type":"function","function":{"name":"calc","parameters":{"type":"object","properties":{"x":{"type":"number"}}},"strict":true}}],\
			"tool_choice":{"type":"function","function":{"name":"calc"}},"parallel_tool_calls":false,\
			"response_format":{"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object"},"strict":true}},\
			"temperature":0.30000000000000004,"top_p":1.0,"seed":7,"stop":["\\n\\n"],"frequency_penalty":-0.5,\
			"presence_penalty":0,"logit_bias":{"50256":-100},"logprobs":true,"top_logprobs":2,"user":"someone",\
			"metadata":{"k":"v"},"n":2,"reasoning_effort":"low","future_field":{"nested":[1,2.50,"x"]}}""";

	@Test
	void sendsTheClientsBodyUpstreamWithOnlyTheModelRenamed() {
		Caller caller = caller();
		openai.enqueue(OpenAiWire.json("42"));

		Response response = complete(caller, FULL_REQUEST);

		assertThat(response.status()).isEqualTo(200);
		String sent = openai.requests().getFirst().body();
		assertThat(sent).isEqualTo(FULL_REQUEST.replace("\"model\":\"openai/gpt-4o-mini\"", "\"model\":\"gpt-4o-mini\""));
		assertThat(sent).doesNotContain("max_tokens", "stream_options");
		assertThat(openai.requests().getFirst().uri()).isEqualTo("/v1/chat/completions");
		assertThat(openai.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + SERVER_KEY);
	}

	@Test
	void returnsTheServersAnswerWithOnlyTheModelRenamed() {
		String answer = """
				{"id":"chatcmpl-9","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",\
				"choices":[{"index":0,"message":{"role":"assistant","content":"{\\"model\\":\\"x\\"}","refusal":null,\
				"annotations":[]},"logprobs":{"content":[]},"finish_reason":"stop"}],\
				"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"prompt_tokens_details":{"cached_tokens":0}},\
				"service_tier":"default","system_fingerprint":"fp_1","future_field":{"a":[1,2]}}""";
		openai.enqueue(Reply.json(200, answer));
		Caller caller = caller();

		Response response = complete(caller, "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.body()).isEqualTo(answer.replace("\"model\":\"gpt-4o-mini-2024-07-18\"", "\"model\":\"openai/gpt-4o-mini\""));
		Map<String, Object> usage = usage(caller, 1).getFirst();
		assertThat(usage).containsEntry("model", "openai/gpt-4o-mini")
			.containsEntry("key_source", "server")
			.containsEntry("prompt_tokens", 12)
			.containsEntry("completion_tokens", 3)
			.containsEntry("status", "completed");
		assertThat((BigDecimal) usage.get("cost_usd")).isPositive();
	}

	@Test
	void capsOnlyTheTokenLimitsAClientAsksFor() {
		complete(caller(), "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":5000,\"max_completion_tokens\":20,"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

		JsonNode sent = OpenAiClient.json(openai.requests().getFirst().body());
		assertThat(sent.get("max_tokens").asInt()).isEqualTo(1000);
		assertThat(sent.get("max_completion_tokens").asInt()).isEqualTo(20);
	}

	@Test
	void streamsTheServersChunksAndMetersTheUsageItAskedFor() {
		openai.enqueue(Reply.stream("text/event-stream", List.of(
				chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null") ,
				chunk("{\"content\":\"Hel\"}", "null"),
				"data: {\"usage\": null , \"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
						+ "\"model\": \"gpt-4o-mini-2024\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n\n",
				chunk("{}", "\"stop\""),
				"data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024\",\"choices\":[],"
						+ "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":2,\"total_tokens\":13}}\n\n",
				"data: [DONE]\n\n")));
		Caller caller = caller();

		Response response = complete(caller, "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/event-stream");
		assertThat(openai.requests().getFirst().body()).isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":true,"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream_options\":{\"include_usage\":true}}");
		List<String> events = OpenAiClient.events(response.body());
		assertThat(events).hasSize(5).last().isEqualTo("[DONE]");
		assertThat(events.get(1)).isEqualTo("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
				+ "\"model\":\"openai/gpt-4o-mini\",\"obfuscation\":\"xyz\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},"
				+ "\"logprobs\":null,\"finish_reason\":null}]}");
		assertThat(events.get(2)).isEqualTo("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
				+ "\"model\": \"openai/gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}");
		assertThat(response.body()).doesNotContain("\"usage\"");
		Map<String, Object> usage = usage(caller, 1).getFirst();
		assertThat(usage).containsEntry("prompt_tokens", 11).containsEntry("completion_tokens", 2)
			.containsEntry("status", "completed");
		assertThat(usage.get("time_to_first_token_ms")).isNotNull();
	}

	@Test
	void relaysChunksSplitAcrossReadsAndOtherLinesAsTheyCame() {
		String first = chunk("{\"content\":\"Hel\"}", "null");
		// No space after "data:", and CRLF line ends: both are valid SSE.
		String finish = "data:" + chunk("{}", "\"length\"").substring(6).replace("\n\n", "\r\n\r\n");
		openai.enqueue(Reply.stream("text/event-stream", List.of(": keep-alive\n\n", first.substring(0, 40),
				first.substring(40, 90), first.substring(90), "event: ignored\n" + finish)));

		Response response = complete(caller(), "{\"model\":\"openai/split\",\"stream\":true,\"messages\":[]}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(": keep-alive\n\n"
				+ first.replace("gpt-4o-mini-2024", "openai/split").replace(",\"usage\":null", "")
				+ "event: ignored\n" + finish.replace("\r\n", "\n")
					.replace("gpt-4o-mini-2024", "openai/split").replace(",\"usage\":null", "")
				+ "data: [DONE]\n\n");
	}

	@Test
	void givesAClientThatAskedForUsageTheUsageChunk() {
		String request = "{\"model\":\"compat/fast-1\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

		Response response = complete(caller(), request);

		assertThat(compat.requests().getFirst().body()).isEqualTo(request.replace("compat/fast-1", "fast-1"));
		assertThat(compat.requests().getFirst().header("Authorization")).isNull();
		List<String> events = OpenAiClient.events(response.body());
		JsonNode usage = OpenAiClient.json(events.get(events.size() - 2));
		assertThat(usage.get("usage").get("prompt_tokens").asInt()).isEqualTo(OpenAiWire.PROMPT_TOKENS);
		assertThat(usage.get("model").asString()).isEqualTo("compat/fast-1");
	}

	@Test
	void endsAStreamTheServerBrokeOffWithAnErrorEvent() {
		openai.enqueue(OpenAiWire.brokenStream("Hel", "lo"));
		Caller caller = caller();

		Response response = complete(caller, "{\"model\":\"openai/broken-off\",\"stream\":true,\"messages\":[]}");

		List<String> events = OpenAiClient.events(response.body());
		assertThat(events).doesNotContain("[DONE]");
		assertThat(response.body()).doesNotContain("\"stop\"");
		JsonNode error = OpenAiClient.json(events.getLast()).get("error");
		assertThat(error.get("type").asString()).isEqualTo("server_error");
		assertThat(error.get("message").asString()).contains("broke off");
		assertThat(usage(caller, 1).getFirst()).containsEntry("status", "failed");
	}

	@Test
	void endsAStreamThatStoppedWithoutFinishingWithAnErrorEvent() {
		openai.enqueue(Reply.stream("text/event-stream", List.of(chunk("{\"content\":\"Hel\"}", "null"))));

		Response response = complete(caller(), "{\"model\":\"openai/unfinished\",\"stream\":true,\"messages\":[]}");

		List<String> events = OpenAiClient.events(response.body());
		assertThat(events).hasSize(2).doesNotContain("[DONE]");
		assertThat(OpenAiClient.json(events.getLast()).get("error").get("code").asString()).isEqualTo("provider_error");
	}

	@Test
	void acceptsAnAliasWhereverAModelIdIsAccepted() {
		Response response = complete(caller(), "{\"model\":\"fast.model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

		assertThat(response.json().get("model").asString()).isEqualTo("compat/fast-1");
		assertThat(OpenAiClient.json(compat.requests().getFirst().body()).get("model").asString()).isEqualTo("fast-1");
		Caller caller = caller();
		JsonNode models = api.get("/v1/models", caller.key()).json().get("data");
		assertThat(models.findValuesAsString("id")).contains("gpt-4o-mini", "fast.model", "openai/gpt-4o-mini");
		Response alias = api.get("/v1/models/gpt-4o-mini", caller.key());
		assertThat(alias.json().get("id").asString()).isEqualTo("gpt-4o-mini");
		assertThat(alias.json().get("owned_by").asString()).isEqualTo("openai");
	}

	@Test
	void findsAModelByItsIdEncodedOrNot() {
		String key = caller().key();
		for (String path : List.of("/v1/models/openai%2Fgpt-4o-mini", "/v1/models/openai/gpt-4o-mini", "/v1/models/openai%2fgpt-4o-mini")) {
			Response model = api.get(path, key);
			assertThat(model.status()).as(path).isEqualTo(200);
			assertThat(model.json().get("id").asString()).isEqualTo("openai/gpt-4o-mini");
			assertThat(model.json().get("object").asString()).isEqualTo("model");
		}
		JsonNode unknown = OpenAiClient.error(api.get("/v1/models/nosuch%2Fmodel", key), 404);
		assertThat(unknown.get("code").asString()).isEqualTo("model_not_found");
		// Elsewhere an encoded slash is still refused.
		assertThat(api.get("/api/v1/ai%2Fmodels", key).status()).isEqualTo(400);
	}

	static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024\","
				+ "\"obfuscation\":\"xyz\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
				+ finishReason + "}],\"usage\":null}\n\n";
	}
}
