package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document at {@code /openapi.json}: what a client generator needs beyond the happy path. */
@IntegrationTest
class ApiDocumentationIntegrationTests {

	private static final String PROBLEM = "#/components/schemas/Problem";

	private static final String OPENAI_ERROR = "#/components/schemas/OpenAiError";

	@Autowired
	ApiClient api;

	JsonNode document;

	@BeforeEach
	void fetchTheDocument() {
		Response response = api.get("/openapi.json", null);
		assertThat(response.status()).isEqualTo(200);
		document = response.json();
	}

	@Test
	void leavesOutTheErrorDispatch() {
		assertThat(document.get("paths").propertyNames()).doesNotContain("/error");
	}

	@Test
	void describesTheEventsOfAReplyStream() {
		JsonNode posted = operation("/api/v1/chats/{chatId}/completions", "post");
		JsonNode followed = operation("/api/v1/messages/{id}/stream", "get");
		for (JsonNode stream : List.of(posted, followed)) {
			assertThat(stream.at("/responses/200/content/text~1event-stream/schema/$ref").asString())
				.isEqualTo("#/components/schemas/ReplyEvent");
		}
		JsonNode events = schema("ReplyEvent").get("oneOf");
		assertThat(events.valueStream().map(event -> eventName(event.get("$ref").asString())).toList())
			.containsExactlyInAnyOrder("user_message", "delta", "tool_call", "tool_result", "approval_required", "done",
					"error");
		JsonNode delta = schema(refName(events.valueStream()
			.map(event -> event.get("$ref").asString())
			.filter(ref -> eventName(ref).equals("delta"))
			.findFirst()
			.orElseThrow()));
		assertThat(delta.at("/properties/id/type").asString()).isEqualTo("string");
		JsonNode deltaData = schema(refName(delta.at("/properties/data/$ref").asString()));
		assertThat(deltaData.get("properties").propertyNames()).contains("message_id", "content");
		assertThat(dataOf("ReplyEvent", "error")).isEqualTo(PROBLEM);
		assertThat(dataOf("ReplyEvent", "done")).isEqualTo(dataOf("ReplyEvent", "user_message"))
			.isEqualTo("#/components/schemas/MessageView");
		assertThat(schema(refName(dataOf("ReplyEvent", "tool_call"))).get("properties").propertyNames())
			.containsExactlyInAnyOrder("id", "name", "arguments");
		assertThat(schema(refName(dataOf("ReplyEvent", "tool_result"))).get("properties").propertyNames())
			.containsExactlyInAnyOrder("id", "ok", "summary");
		assertThat(schema(refName(dataOf("ReplyEvent", "approval_required"))).get("properties").propertyNames())
			.containsExactlyInAnyOrder("run_id", "step_id", "tool", "arguments");
	}

	@Test
	void describesTheEventsOfAStreamedChatCompletion() {
		JsonNode completions = operation("/v1/chat/completions", "post");
		assertThat(completions.at("/responses/200/content/text~1event-stream/schema/$ref").asString())
			.isEqualTo("#/components/schemas/ChatCompletionEvent");
		List<String> data = schema("ChatCompletionEvent").get("oneOf")
			.valueStream()
			.map(event -> schema(refName(event.get("$ref").asString())).at("/properties/data"))
			.map(node -> node.has("$ref") ? node.get("$ref").asString() : node.toString())
			.toList();
		assertThat(data).contains("#/components/schemas/ChatCompletionChunk", OPENAI_ERROR);
		assertThat(data).anySatisfy(done -> assertThat(done).contains("[DONE]"));
	}

	@Test
	void listsTheProblemsOfEachOperation() {
		assertProblems(operation("/api/v1/chats/{id}", "get"), "401", "404");
		assertThat(operation("/api/v1/chats/{id}", "get").get("responses").propertyNames()).doesNotContain("413");
		assertProblems(operation("/api/v1/chats", "post"), "400", "401", "413");
		assertProblems(operation("/api/v1/chats/{chatId}/completions", "post"), "400", "401", "404", "413", "429",
				"502", "504");
		JsonNode register = operation("/api/v1/auth/register", "post");
		assertProblems(register, "400", "409", "413");
		assertThat(register.get("responses").propertyNames()).doesNotContain("401", "404");
		assertProblems(operation("/api/v1/auth/login", "post"), "400", "401", "429");
	}

	@Test
	void listsTheOpenAiErrorsOfTheOpenAiCompatibleApi() {
		JsonNode completions = operation("/v1/chat/completions", "post");
		for (String status : List.of("400", "401", "404", "413", "429", "502", "504")) {
			JsonNode response = completions.get("responses").get(status);
			assertThat(response).as(status).isNotNull();
			assertThat(response.at("/content/application~1json/schema/$ref").asString()).as(status)
				.isEqualTo(OPENAI_ERROR);
			assertThat(response.get("content").has("application/problem+json")).as(status).isFalse();
		}
		assertThat(schema("OpenAiError").at("/properties/error/$ref").asString()).isNotBlank();
	}

	private void assertProblems(JsonNode operation, String... statuses) {
		for (String status : statuses) {
			JsonNode response = operation.get("responses").get(status);
			assertThat(response).as(operation.get("operationId") + " " + status).isNotNull();
			assertThat(response.get("description").asString()).isNotBlank();
			assertThat(response.at("/content/application~1problem+json/schema/$ref").asString())
				.as(operation.get("operationId") + " " + status)
				.isEqualTo(PROBLEM);
		}
		assertThat(schema("Problem").get("properties").propertyNames()).contains("type", "title", "status", "detail",
				"request_id", "errors");
	}

	private String dataOf(String stream, String eventName) {
		return schema(stream).get("oneOf")
			.valueStream()
			.map(event -> event.get("$ref").asString())
			.filter(ref -> eventName(ref).equals(eventName))
			.map(ref -> schema(refName(ref)).at("/properties/data/$ref").asString())
			.findFirst()
			.orElseThrow();
	}

	private String eventName(String ref) {
		return schema(refName(ref)).at("/properties/event/enum/0").asString();
	}

	private JsonNode operation(String path, String method) {
		JsonNode operation = document.get("paths").get(path).get(method);
		assertThat(operation).as(method + " " + path).isNotNull();
		return operation;
	}

	private JsonNode schema(String name) {
		JsonNode schema = document.get("components").get("schemas").get(name);
		assertThat(schema).as(name).isNotNull();
		return schema;
	}

	private static String refName(String ref) {
		return ref.substring(ref.lastIndexOf('/') + 1);
	}
}
