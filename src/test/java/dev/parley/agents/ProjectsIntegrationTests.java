package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Projects over HTTP: folders of chats and agents, visible to their owner only. */
@IntegrationTest
@Import(TestTools.class)
class ProjectsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	Session session;

	@BeforeEach
	void register() {
		session = api.register();
	}

	@Test
	void createsListsChangesAndDeletesAProject() {
		Response created = api.post("/api/v1/projects", session.accessToken(),
				map("name", "Thesis", "description", "Chapter drafts"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("description").asString()).isEqualTo("Chapter drafts");

		Response renamed = api.patch("/api/v1/projects/" + id, session.accessToken(), map("name", "Dissertation"));
		assertThat(renamed.json().get("name").asString()).isEqualTo("Dissertation");
		assertThat(renamed.json().get("description").asString()).isEqualTo("Chapter drafts");

		api.post("/api/v1/projects", session.accessToken(), map("name", "Second"));
		Response page = api.get("/api/v1/projects?limit=1", session.accessToken());
		assertThat(page.json().get("items")).hasSize(1);
		assertThat(page.json().get("items").get(0).get("name").asString()).isEqualTo("Second");
		Response next = api.get("/api/v1/projects?limit=1&cursor=" + page.json().get("next_cursor").asString(),
				session.accessToken());
		assertThat(next.json().get("items").get(0).get("name").asString()).isEqualTo("Dissertation");
		assertThat(next.json().get("next_cursor").isNull()).isTrue();

		assertThat(api.delete("/api/v1/projects/" + id, session.accessToken()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/projects/" + id, session.accessToken()).status()).isEqualTo(404);
	}

	@Test
	void refusesABlankOrLongName() {
		Response blank = api.post("/api/v1/projects", session.accessToken(), map("name", " ", "description",
				"x".repeat(Projects.MAX_DESCRIPTION + 1)));

		assertThat(blank.status()).isEqualTo(400);
		assertThat(AgentsIntegrationTests.fields(blank)).containsExactly("name", "description");
	}

	@Test
	void deletingAProjectThatHoldsAgentsOrChatsNeedsCascade() {
		String project = api.post("/api/v1/projects", session.accessToken(), map("name", "Full")).json().get("id")
			.asString();
		String agent = api.post("/api/v1/agents", session.accessToken(), map("name", "A", "project_id", project))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", session.accessToken(), map("title", "In the project")).json()
			.get("id")
			.asString();
		jdbc.sql("update chats set project_id = :project where id = :chat")
			.param("project", UUID.fromString(project))
			.param("chat", UUID.fromString(chat))
			.update();

		Response refused = api.delete("/api/v1/projects/" + project, session.accessToken());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("1 chat(s) and 1 agent(s)");
		assertThat(api.get("/api/v1/agents/" + agent, session.accessToken()).status()).isEqualTo(200);

		assertThat(api.delete("/api/v1/projects/" + project + "?cascade=true", session.accessToken()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/projects/" + project, session.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/agents/" + agent, session.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/chats/" + chat, session.accessToken()).status()).isEqualTo(404);
	}

	@Test
	void anotherUsersProjectIsNotFound() {
		String id = api.post("/api/v1/projects", session.accessToken(), map("name", "Mine")).json().get("id")
			.asString();
		Session other = api.register();

		assertThat(api.get("/api/v1/projects/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/projects/" + id, other.accessToken(), map("name", "x")).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/projects/" + id + "?cascade=true", other.accessToken()).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/projects", other.accessToken()).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/projects/" + id, session.accessToken()).status()).isEqualTo(200);
	}
}
