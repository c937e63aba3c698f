package dev.parley.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/tools shows a user the tools an agent may call for them, with schemas and hints. */
@IntegrationTest
class ToolControllerIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void listsTheBuiltInToolsWithTheirSchemasAndHints() {
		Response response = api.get("/api/v1/tools", api.register().accessToken());

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, JsonNode> tools = byName(response.json().get("items"));
		assertThat(tools).containsKeys("current_time", "calculator", "search_chats", "http_fetch");
		assertThat(tools.values()).allSatisfy(tool -> {
			assertThat(tool.get("description").asString()).isNotBlank();
			assertThat(tool.get("parameters").get("type").asString()).isEqualTo("object");
			assertThat(ToolArguments.schemaProblems(tool.get("parameters").toString())).isEmpty();
		});
		assertThat(tools.get("calculator").get("parameters").get("required").get(0).asString()).isEqualTo("expression");
		assertThat(tools.get("calculator").get("hints").toString())
			.isEqualTo("{\"read_only\":true,\"destructive\":false,\"open_world\":false}");
		assertThat(tools.get("http_fetch").get("hints").toString())
			.isEqualTo("{\"read_only\":false,\"destructive\":false,\"open_world\":true}");
	}

	@Test
	void needsAuthentication() {
		assertThat(api.get("/api/v1/tools", null).status()).isEqualTo(401);
	}

	@Test
	void documentsTheEndpoint() {
		JsonNode get = api.get("/openapi.json", null).json().get("paths").get("/api/v1/tools").get("get");

		assertThat(get.get("tags").get(0).asString()).isEqualTo("Tools");
		assertThat(get.get("responses").propertyNames()).contains("200", "401");
	}

	private static Map<String, JsonNode> byName(JsonNode items) {
		return StreamSupport.stream(items.spliterator(), false)
			.collect(java.util.stream.Collectors.toMap(item -> item.get("name").asString(), item -> item));
	}
}
