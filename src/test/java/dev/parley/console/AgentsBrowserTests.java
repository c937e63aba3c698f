package dev.parley.console;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The agents, projects and MCP servers pages write through the public API. */
@ConsolePagesTest
class AgentsBrowserTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void anAgentCreatedOnTheAgentsPageExistsInTheApi() {
		Session user = api.register();
		String project = api.post("/api/v1/projects", user.accessToken(), map("name", "Maths")).json().get("id").asString();
		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/agents")) {
			ConsolePages.waitFor(browser, ".empty");
			ConsolePages.screenshots(browser, "agents");
			browser.find("#agent-new").click();
			ConsolePages.waitFor(browser, "#agent-name").sendKeys("Calculator");
			browser.find("#agent-instructions").sendKeys("Be exact.");
			new Select(browser.find("#agent-model")).selectByValue("local/echo");
			new Select(browser.find("#agent-project")).selectByValue(project);
			browser.find("input[data-tool='calculator']").click();
			new Select(browser.find("select[data-policy-of='calculator']")).selectByValue("ask");
			browser.find("input[data-tool='current_time']").click();
			browser.find("#agent-output-schema").sendKeys("{\"type\": \"object\", \"properties\": {\"answer\": {\"type\": \"string\"}}}");
			ConsolePages.screenshots(browser, "agent-editor");
			browser.find("#agent-save").click();
			browser.waitUntil(d -> d.getCurrentUrl().matches(".*#/agents/[0-9a-f-]{36}$"));

			JsonNode agents = api.get("/api/v1/agents", user.accessToken()).json().get("items");
			assertThat(agents).hasSize(1);
			JsonNode agent = agents.get(0);
			assertThat(browser.driver().getCurrentUrl()).endsWith("#/agents/" + agent.get("id").asString());
			assertThat(agent.get("name").asString()).isEqualTo("Calculator");
			assertThat(agent.get("instructions").asString()).isEqualTo("Be exact.");
			assertThat(agent.get("model").asString()).isEqualTo("local/echo");
			assertThat(agent.get("project_id").asString()).isEqualTo(project);
			assertThat(agent.get("tools").toString()).contains("calculator", "current_time");
			assertThat(agent.get("tool_policies").toString()).isEqualTo("{\"calculator\":\"ask\"}");
			assertThat(agent.get("output_schema").get("type").asString()).isEqualTo("object");

			// Edited: the policy goes, the schema is cleared.
			ConsolePages.waitFor(browser, "#agent-delete");
			new Select(browser.find("select[data-policy-of='calculator']")).selectByValue("");
			browser.find("#agent-output-schema").clear();
			browser.find("#agent-save").click();
			browser.waitUntil(d -> api.get("/api/v1/agents/" + agent.get("id").asString(), user.accessToken())
				.json()
				.get("tool_policies")
				.isEmpty());
			JsonNode schema = api.get("/api/v1/agents/" + agent.get("id").asString(), user.accessToken())
				.json()
				.get("output_schema");
			assertThat(schema == null || schema.isNull() || schema.isEmpty()).as("schema cleared: %s", schema).isTrue();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void projectsAreCreatedAndRenamedOnTheProjectsPage() {
		Session user = api.register();
		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/projects")) {
			ConsolePages.waitFor(browser, "#project-name").sendKeys("Holidays");
			browser.find("#project-create").click();
			ConsolePages.waitFor(browser, "input[data-project-name]").clear();
			browser.find("input[data-project-name]").sendKeys("Trips");
			browser.find("input[data-project-name] + button").click();
			browser.waitUntil(d -> api.get("/api/v1/projects", user.accessToken()).body().contains("\"Trips\""));
			ConsolePages.screenshots(browser, "projects");

			ConsolePages.open(browser, "#/mcp");
			ConsolePages.waitFor(browser, "#mcp-name");
			ConsolePages.screenshots(browser, "mcp");
			assertThat(browser.consoleErrors()).isEmpty();
		}
		assertThat(api.get("/api/v1/projects", user.accessToken()).json().get("items")).hasSize(1);
	}
}
