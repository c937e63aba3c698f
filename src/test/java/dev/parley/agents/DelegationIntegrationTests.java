package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** An agent hands a task to another of its owner's agents: the sub-run is a run of its own, child of the step. */
@IntegrationTest
class DelegationIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDelegatedAgentsAnswerIsTheToolsResult() {
		Session session = api.register();
		String helper = create(session, map("name", "Helper", "model", "local/echo", "tools", List.of("calculator"),
				"tool_policies", Map.of("calculator", "ask")));
		String lead = create(session, map("name", "Lead", "model", "local/echo", "tools", List.of("agent:" + helper)));
		String chat = api.post("/api/v1/chats", session.accessToken(), map("agent_id", lead)).json().get("id")
			.asString();

		JsonNode reply = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool " + ToolNames.wireName("agent:" + helper) + " {\"task\": \"summarise the plan\"}"))
			.json()
			.get("assistant_message");

		assertThat(reply.get("content").asString()).contains("returned Echo: summarise the plan");
		JsonNode parent = api.get("/api/v1/runs/" + api.get("/api/v1/chats/" + chat + "/runs", session.accessToken())
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString(), session.accessToken()).json();
		JsonNode step = parent.get("steps").get(1);
		assertThat(step.get("tool").asString()).isEqualTo("agent:" + helper);
		assertThat(step.get("status").asString()).isEqualTo("completed");
		UUID child = jdbc.sql("select id from runs where parent_run_id = :run and parent_step_id = :step")
			.param("run", UUID.fromString(parent.get("id").asString()))
			.param("step", UUID.fromString(step.get("id").asString()))
			.query(UUID.class)
			.single();
		JsonNode sub = api.get("/api/v1/runs/" + child, session.accessToken()).json();
		assertThat(sub.get("agent_id").asString()).isEqualTo(helper);
		assertThat(sub.get("parent_run_id").asString()).isEqualTo(parent.get("id").asString());
		assertThat(sub.get("stop_reason").asString()).isEqualTo("answered");
	}

	private String create(Session session, Map<String, Object> agent) {
		var created = api.post("/api/v1/agents", session.accessToken(), agent);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}
}
