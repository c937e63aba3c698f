package dev.parley.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** /docs shows every endpoint of agents, projects, runs, tools and queries, with their errors. */
@IntegrationTest
class AgentsDocumentationIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void theApiDocumentListsEveryAgentEndpoint() {
		JsonNode paths = api.get("/openapi.json", null).json().get("paths");

		assertThat(paths.get("/api/v1/agents").has("get")).isTrue();
		assertThat(paths.get("/api/v1/agents").has("post")).isTrue();
		assertThat(paths.get("/api/v1/agents/{id}").propertyNames()).contains("get", "patch", "delete");
		assertThat(paths.get("/api/v1/projects").propertyNames()).contains("get", "post");
		assertThat(paths.get("/api/v1/projects/{id}").propertyNames()).contains("get", "patch", "delete");
		assertThat(paths.get("/api/v1/runs/{id}").has("get")).isTrue();
		assertThat(paths.get("/api/v1/chats/{id}/runs").has("get")).isTrue();
		assertThat(paths.get("/api/v1/runs/{id}/approvals").has("post")).isTrue();
		assertThat(paths.get("/api/v1/query").has("post")).isTrue();
		assertThat(paths.get("/api/v1/tools").has("get")).isTrue();
		assertThat(paths.get("/api/v1/mcp-servers").propertyNames()).contains("get", "post");
		assertThat(paths.get("/api/v1/data-connections").propertyNames()).contains("get", "post");
		// Their failures are documented as problems, like every other operation's.
		assertThat(paths.get("/api/v1/agents").get("post").get("responses").propertyNames()).contains("400", "401");
		assertThat(paths.get("/api/v1/runs/{id}/approvals").get("post").get("responses").propertyNames())
			.contains("400", "404", "409");
		assertThat(paths.get("/api/v1/projects/{id}").get("delete").get("responses").propertyNames()).contains("409");
	}
}
