package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Agents over HTTP: checked whole, visible to their owner only, delegation bounded. */
@IntegrationTest
@Import(TestTools.class)
class AgentsIntegrationTests {

	@Autowired
	ApiClient api;

	Session session;

	@BeforeEach
	void register() {
		session = api.register();
	}

	@Test
	void createsAnAgentAndShowsItBack() {
		Response created = api.post("/api/v1/agents", session.accessToken(),
				map("name", " Researcher ", "description", "Finds things", "instructions", "Be brief.", "model",
						"local/echo", "tools", List.of("lookup", "remember"), "tool_policies",
						Map.of("remember", "ask"), "temperature", 0.2, "max_steps", 5, "output_schema",
						Map.of("type", "object", "properties", Map.of("answer", Map.of("type", "string")))));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode agent = created.json();
		assertThat(agent.get("name").asString()).isEqualTo("Researcher");
		assertThat(agent.get("model").asString()).isEqualTo("local/echo");
		assertThat(agent.get("tools").toString()).isEqualTo("[\"lookup\",\"remember\"]");
		assertThat(agent.get("tool_policies").get("remember").asString()).isEqualTo("ask");
		assertThat(agent.get("max_steps").asInt()).isEqualTo(5);
		assertThat(agent.get("status").asString()).isEqualTo("active");
		assertThat(agent.get("output_schema").get("properties").get("answer").get("type").asString())
			.isEqualTo("string");

		Response read = api.get("/api/v1/agents/" + agent.get("id").asString(), session.accessToken());
		assertThat(read.json()).isEqualTo(agent);
		Response list = api.get("/api/v1/agents", session.accessToken());
		assertThat(list.json().get("items")).hasSize(1);
	}

	@Test
	void reportsEveryBadFieldAtOnce() {
		Response refused = api.post("/api/v1/agents", session.accessToken(),
				map("name", "", "model", "nowhere/none", "tools", List.of("lookup", "no_such_tool", "lookup"),
						"tool_policies", Map.of("remember", "ask", "lookup", "sometimes"), "temperature", 3,
						"max_steps", 0, "output_schema", Map.of("type", "string"), "project_id",
						"0190a1b2-0000-7000-8000-000000000000", "status", "paused"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(fields(refused)).contains("name", "model", "tools[1]", "tools[2]", "tool_policies.lookup",
				"temperature", "max_steps", "output_schema", "project_id", "status");
	}

	@Test
	void refusesAPolicyForAToolTheAgentLacks() {
		Response refused = api.post("/api/v1/agents", session.accessToken(),
				map("name", "A", "tools", List.of("lookup"), "tool_policies", Map.of("remember", "allow")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(fields(refused)).containsExactly("tool_policies.remember");
	}

	@Test
	void changesOnlyWhatIsGivenAndClearsBlanks() {
		String id = create("Writer", List.of("lookup")).get("id").asString();

		Response changed = api.patch("/api/v1/agents/" + id, session.accessToken(),
				map("instructions", "Write well.", "status", "inactive"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo("Writer");
		assertThat(changed.json().get("tools").toString()).isEqualTo("[\"lookup\"]");
		assertThat(changed.json().get("instructions").asString()).isEqualTo("Write well.");
		assertThat(changed.json().get("status").asString()).isEqualTo("inactive");

		Response cleared = api.patch("/api/v1/agents/" + id, session.accessToken(), map("instructions", " "));
		assertThat(cleared.json().get("instructions").isNull()).isTrue();
	}

	@Test
	void anotherUsersAgentIsNotFound() {
		String id = create("Mine", List.of()).get("id").asString();
		Session other = api.register();

		assertThat(api.get("/api/v1/agents/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/agents/" + id, other.accessToken(), map("name", "Theirs")).status())
			.isEqualTo(404);
		assertThat(api.delete("/api/v1/agents/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/agents", other.accessToken()).json().get("items")).isEmpty();
		// Nor can another user delegate to it.
		Response delegating = api.post("/api/v1/agents", other.accessToken(),
				map("name", "Thief", "tools", List.of("agent:" + id)));
		assertThat(delegating.status()).isEqualTo(400);
		assertThat(fields(delegating)).containsExactly("tools[0]");
		assertThat(api.get("/api/v1/agents/" + id, session.accessToken()).json().get("name").asString())
			.isEqualTo("Mine");
	}

	@Test
	void delegatesToOwnAgentsWithoutLoopsAndAtMostThreeDeep() {
		String d = create("D", List.of()).get("id").asString();
		String c = create("C", List.of("agent:" + d)).get("id").asString();
		String b = create("B", List.of("agent:" + c)).get("id").asString();
		String a = create("A", List.of("agent:" + b, "lookup")).get("id").asString();

		Response tooDeep = api.post("/api/v1/agents", session.accessToken(),
				map("name", "Top", "tools", List.of("agent:" + a)));
		assertThat(tooDeep.status()).isEqualTo(400);
		assertThat(tooDeep.body()).contains("4 hand-overs deep");

		Response loop = api.patch("/api/v1/agents/" + d, session.accessToken(), map("tools", List.of("agent:" + b)));
		assertThat(loop.status()).isEqualTo(400);
		assertThat(fields(loop)).containsExactly("tools");
		assertThat(loop.body()).contains("loop");

		Response self = api.patch("/api/v1/agents/" + d, session.accessToken(), map("tools", List.of("agent:" + d)));
		assertThat(self.status()).isEqualTo(400);
		assertThat(fields(self)).containsExactly("tools[0]");

		// An agent others delegate to stays until they stop.
		assertThat(api.delete("/api/v1/agents/" + d, session.accessToken()).status()).isEqualTo(409);
		assertThat(api.patch("/api/v1/agents/" + c, session.accessToken(), map("tools", List.of())).status())
			.isEqualTo(200);
		assertThat(api.delete("/api/v1/agents/" + d, session.accessToken()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/agents/" + d, session.accessToken()).status()).isEqualTo(404);
	}

	@Test
	void belongsToOnlyTheOwnersProjects() {
		String project = api.post("/api/v1/projects", session.accessToken(), map("name", "Work")).json().get("id")
			.asString();
		Session other = api.register();
		String theirs = api.post("/api/v1/projects", other.accessToken(), map("name", "Theirs")).json().get("id")
			.asString();

		Response inMine = api.post("/api/v1/agents", session.accessToken(), map("name", "A", "project_id", project));
		assertThat(inMine.status()).isEqualTo(201);
		assertThat(inMine.json().get("project_id").asString()).isEqualTo(project);
		Response inTheirs = api.post("/api/v1/agents", session.accessToken(), map("name", "B", "project_id", theirs));
		assertThat(inTheirs.status()).isEqualTo(400);
		assertThat(fields(inTheirs)).containsExactly("project_id");

		Response out = api.patch("/api/v1/agents/" + inMine.json().get("id").asString(), session.accessToken(),
				map("project_id", ""));
		assertThat(out.json().get("project_id").isNull()).isTrue();
	}

	private JsonNode create(String name, List<String> tools) {
		Response created = api.post("/api/v1/agents", session.accessToken(), map("name", name, "tools", tools));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	static List<String> fields(Response response) {
		return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}
}
