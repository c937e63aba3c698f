package dev.parley.platform;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.parley.ai.ToolCall;
import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.FakeCollector;
import dev.parley.testing.FakeCollector.ReceivedSpan;
import dev.parley.testing.IntegrationTest;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traces exported over OTLP/HTTP to a fake collector: a chat turn through a fake OpenAI server with
 * a tool step, and a {@code /v1} gateway call, each one trace of a server span with the provider
 * calls (tokens, cost) and the tool step as its children, and nothing anyone typed, no answer and
 * no credential in any of it.
 */
@IntegrationTest
class OpenTelemetryTracesIntegrationTests {

	static final String SERVER_KEY = "sk-server-key-0123456789";

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("unexpected"));

	static final FakeCollector collector = FakeCollector.start();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> SERVER_KEY);
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", collector::endpoint);
		registry.add("management.opentelemetry.tracing.export.otlp.headers.x-collector-token", () -> "collector-token");
		registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
	}

	@AfterAll
	static void stop() {
		openai.close();
		collector.close();
	}

	@Autowired
	ApiClient api;

	Session session;

	/** Each test's requests carry a trace of their own ({@code traceparent}), whatever arrives late from another. */
	String traceId;

	@BeforeEach
	void register() {
		session = api.register();
		openai.reset();
		byte[] id = new byte[16];
		ThreadLocalRandom.current().nextBytes(id);
		traceId = HexFormat.of().formatHex(id);
	}

	@Test
	void aTurnWithAToolStepIsOneTraceOfTheRequestTheProviderCallsAndTheTool() {
		String agent = api.post("/api/v1/agents", session.accessToken(),
				map("name", "Counter", "model", "openai/gpt-4o-mini", "tools", List.of("calculator")))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", session.accessToken(), map("agent_id", agent)).json().get("id").asString();
		openai.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_a", "calculator", "{\"expression\":\"6*7\"}")),
				OpenAiWire.stream("The answer is ", "forty-two-canary."));

		Response turn = traced("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "what is 6*7? my-prompt-canary"));
		assertThat(turn.status()).as(turn.body()).isEqualTo(200);

		ReceivedSpan server = awaitSpan("http post /api/v1/chats/{chatId}/completions");
		List<ReceivedSpan> calls = await().atMost(Duration.ofSeconds(10))
			.until(() -> named("chat gpt-4o-mini"), found -> found.size() == 2);
		ReceivedSpan tool = await().atMost(Duration.ofSeconds(10))
			.until(() -> named("execute_tool calculator"), found -> found.size() == 1)
			.getFirst();

		assertThat(server.kind()).as(server.attributes().toString()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
		assertThat(server.attributes()).containsEntry("uri", "/api/v1/chats/{chatId}/completions")
			.containsEntry("status", "200")
			.doesNotContainKey("http.url");
		assertThat(server.resource()).containsEntry("service.name", "parley");
		// The caller's trace goes on (W3C traceparent): its span is the request's parent.
		assertThat(server.parentSpanId()).isEqualTo("00f067aa0ba902b7");
		for (ReceivedSpan call : calls) {
			assertThat(call.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
			assertThat(call.parentSpanId()).isEqualTo(server.spanId());
			assertThat(call.status()).isNotEqualTo(StatusCode.STATUS_CODE_ERROR);
			assertThat(call.attributes()).containsEntry("gen_ai.operation.name", "chat")
				.containsEntry("gen_ai.provider.name", "openai")
				.containsEntry("gen_ai.request.model", "gpt-4o-mini")
				.containsEntry("gen_ai.response.model", "gpt-4o-mini")
				.containsEntry("gen_ai.usage.input_tokens", "11")
				.containsEntry("parley.key_source", "server")
				.containsKey("gen_ai.usage.output_tokens")
				.containsKey("parley.cost_usd");
			assertThat(Double.parseDouble(call.attributes().get("parley.cost_usd"))).isPositive();
		}
		assertThat(calls).extracting(call -> call.attributes().get("gen_ai.response.finish_reasons"))
			.containsExactlyInAnyOrder("tool_calls", "stop");
		assertThat(tool.parentSpanId()).isEqualTo(server.spanId());
		assertThat(tool.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
		assertThat(tool.attributes()).containsEntry("gen_ai.operation.name", "execute_tool")
			.containsEntry("gen_ai.tool.name", "calculator")
			.containsEntry("gen_ai.tool.call.id", "call_a");
		assertThat(tool.status()).isNotEqualTo(StatusCode.STATUS_CODE_ERROR);

		assertNothingSecretIn(collector.spans().stream().filter(span -> span.traceId().equals(traceId)).toList(), "my-prompt-canary", "forty-two-canary", "6*7",
				session.accessToken(), session.userId(), session.email(), chat);
		assertThat(collector.headers()).allSatisfy(headers -> assertThat(headers).containsKey("X-collector-token"));
	}

	@Test
	void aStreamedGatewayCallIsAServerSpanWithItsProviderCallEndedWithTheStream() {
		String key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "sdk")).json().get("key").asString();
		openai.enqueue(OpenAiWire.stream("gateway ", "answer-canary"));

		Response response = traced("/v1/chat/completions", key, map("model", "openai/gpt-4o-mini", "stream", true,
				"messages", List.of(map("role", "user", "content", "gateway-prompt-canary"))));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("answer-canary");

		ReceivedSpan server = awaitSpan("http post /v1/chat/completions");
		ReceivedSpan call = await().atMost(Duration.ofSeconds(10))
			.until(() -> named("chat gpt-4o-mini"), found -> found.size() == 1)
			.getFirst();

		assertThat(call.parentSpanId()).isEqualTo(server.spanId());
		// Ended with the stream: the usage of its last chunk is there.
		assertThat(call.attributes()).containsEntry("gen_ai.usage.input_tokens", "11")
			.containsEntry("gen_ai.usage.output_tokens", "2")
			.containsEntry("gen_ai.provider.name", "openai")
			.containsKey("parley.cost_usd");
		assertNothingSecretIn(collector.spans().stream().filter(span -> span.traceId().equals(traceId)).toList(), "gateway-prompt-canary", "answer-canary", key);
	}

	@Test
	void aFailedProviderCallIsAnErrorSpan() {
		String key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "sdk")).json().get("key").asString();
		openai.enqueue(OpenAiWire.error(400, "invalid_request_error"));

		Response response = traced("/v1/chat/completions", key,
				map("model", "openai/gpt-4o-mini", "messages", List.of(map("role", "user", "content", "hello"))));
		assertThat(response.status()).isEqualTo(400);

		ReceivedSpan server = awaitSpan("http post /v1/chat/completions");
		ReceivedSpan call = await().atMost(Duration.ofSeconds(10))
			.until(() -> named("chat gpt-4o-mini"), found -> found.size() == 1)
			.getFirst();
		assertThat(call.status()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		assertThat(call.attributes()).containsEntry("error.type", "provider_rejected");
	}

	@Test
	void aToolStepThatFailsIsAnErrorSpanWithoutWhatItSaid() {
		String agent = api.post("/api/v1/agents", session.accessToken(),
				map("name", "Counter", "model", "openai/gpt-4o-mini", "tools", List.of("calculator")))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", session.accessToken(), map("agent_id", agent)).json().get("id").asString();
		openai.enqueue(OpenAiWire.streamToolCalls(new ToolCall("call_bad", "calculator", "{\"expr\":\"canary-arg\"}")),
				OpenAiWire.stream("Sorry."));

		assertThat(traced("/api/v1/chats/" + chat + "/completions", session.accessToken(), map("content", "count"))
			.status()).isEqualTo(200);

		ReceivedSpan server = awaitSpan("http post /api/v1/chats/{chatId}/completions");
		ReceivedSpan tool = await().atMost(Duration.ofSeconds(10))
			.until(() -> named("execute_tool calculator"), found -> found.size() == 1)
			.getFirst();
		assertThat(tool.status()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		assertThat(tool.attributes()).containsEntry("error.type", "tool_error")
			.containsEntry("gen_ai.tool.call.id", "call_bad");
		assertNothingSecretIn(List.of(tool), "canary-arg", "expression");
	}

	private Response traced(String path, String token, Object body) {
		return api.send(api.request(path, token)
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body))));
	}

	private ReceivedSpan awaitSpan(String name) {
		return await().atMost(Duration.ofSeconds(10))
			.alias("a span named " + name + " in trace " + traceId)
			.until(() -> named(name).stream().findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** This test's spans of this name. */
	private List<ReceivedSpan> named(String name) {
		return collector.spans()
			.stream()
			.filter(span -> span.name().equals(name) && span.traceId().equals(traceId))
			.toList();
	}

	private static void assertNothingSecretIn(List<ReceivedSpan> spans, String... secrets) {
		assertThat(spans).isNotEmpty();
		for (ReceivedSpan span : spans) {
			for (String secret : List.of(secrets)) {
				assertThat(span.raw()).as(span.name()).doesNotContain(secret);
			}
			assertThat(span.raw()).as(span.name())
				.doesNotContain(SERVER_KEY)
				.doesNotContainIgnoringCase("authorization")
				.doesNotContainIgnoringCase("bearer");
			assertThat(span.attributes().keySet()).noneMatch(attribute -> attribute.contains("prompt")
					|| attribute.contains("completion") || attribute.contains("user") || attribute.contains("email"));
		}
	}
}
