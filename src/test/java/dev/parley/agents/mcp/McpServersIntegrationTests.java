package dev.parley.agents.mcp;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.ToolSource;
import dev.parley.agents.tools.Toolbox;
import dev.parley.ai.ToolDefinition;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Users' MCP servers over the wire: registered through the API, their tools in the
 * {@link Toolbox} as {@code mcp:<server>:<tool>}, called against real MCP servers (the SDK's servlet
 * transports, streamable HTTP and SSE, on 127.0.0.1, which this server is allowed to reach) and an
 * operator's stdio server (a process of its own).
 */
@IntegrationTest
@Import(McpServersIntegrationTests.OtherTools.class)
@ExtendWith(OutputCaptureExtension.class)
class McpServersIntegrationTests {

	static final FakeMcpServer fake = FakeMcpServer.streamable();

	static final FakeMcpServer sseFake = FakeMcpServer.sse();

	static final String SECRET = "Bearer mcp-secret-" + UUID.randomUUID();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("parley.platform.outbound.allow-private-addresses", () -> "true");
		registry.add("parley.agents.mcp.request-timeout", () -> "5s");
		List<String> command = FakeStdioMcpServer.commandLine();
		registry.add("parley.agents.mcp.stdio.local.command", command::getFirst);
		for (int i = 1; i < command.size(); i++) {
			String arg = command.get(i);
			registry.add("parley.agents.mcp.stdio.local.args[" + (i - 1) + "]", () -> arg);
		}
		registry.add("parley.agents.mcp.stdio.local.env.FAKE_GREETING", () -> "the operator");
	}

	@AfterAll
	static void stop() {
		fake.close();
		sseFake.close();
	}

	@Autowired
	ApiClient api;

	@Autowired
	Toolbox toolbox;

	Session session;

	@BeforeEach
	void reset() {
		fake.reset();
		sseFake.reset();
		session = api.register();
	}

	@Test
	void registersAServerWhoseToolsReachTheToolboxWithTheirSchemasAndHints() {
		Response created = register("fake", fake.url(), "streamable-http", Map.of("Authorization", SECRET));

		List<Tool> tools = toolbox.available(userId());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("name").asString()).isEqualTo("fake");
		assertThat(created.json().get("transport").asString()).isEqualTo("streamable-http");
		assertThat(created.json().get("header_names").get(0).asString()).isEqualTo("Authorization");
		assertThat(created.json().get("status").asString()).isEqualTo("unknown");
		assertThat(created.body()).doesNotContain(SECRET).doesNotContain("mcp-secret");
		assertThat(names(tools)).contains("mcp:fake:echo", "mcp:fake:lookup", "mcp:fake:explode", "clock");
		Tool echo = find(tools, "mcp:fake:echo");
		assertThat(echo.definition().description()).isEqualTo("Says the text back");
		assertThat(JSON.readTree(echo.definition().parametersSchema()).get("required").get(0).asString())
			.isEqualTo("text");
		// No annotations: MCP's defaults (destructive, open-world), so a person is asked by default.
		assertThat(echo.hints().readOnly()).isFalse();
		assertThat(echo.hints().destructive()).isTrue();
		assertThat(echo.hints().openWorld()).isTrue();
		assertThat(echo.hints().asksByDefault()).isTrue();
		Tool lookup = find(tools, "mcp:fake:lookup");
		assertThat(lookup.hints().readOnly()).isTrue();
		assertThat(lookup.hints().destructive()).isFalse();
		assertThat(lookup.hints().openWorld()).isFalse();
		assertThat(lookup.hints().asksByDefault()).isFalse();
		// Every request carried the stored header.
		assertThat(fake.authorizations).isNotEmpty().allMatch(SECRET::equals);
		JsonNode listed = api.get("/api/v1/mcp-servers", session.accessToken()).json().get("items").get(0);
		assertThat(listed.get("status").asString()).isEqualTo("connected");
		assertThat(listed.get("tool_count").asInt()).isEqualTo(3);
		assertThat(listed.get("checked_at").isNull()).isFalse();
	}

	@Test
	void callsToolsWithTheirArgumentsAndReadsTheirResults() {
		register("fake", fake.url(), null, null);
		List<Tool> tools = toolbox.available(userId());

		ToolResult echoed = find(tools, "mcp:fake:echo").execute(invocation("{\"text\": \"hello there\"}"));
		ToolResult looked = find(tools, "mcp:fake:lookup").execute(invocation("{}"));
		ToolResult exploded = find(tools, "mcp:fake:explode").execute(invocation("{}"));

		assertThat(echoed.ok()).isTrue();
		assertThat(echoed.content()).isEqualTo("echo: hello there");
		assertThat(fake.calls.getFirst()).isEqualTo(Map.of("text", "hello there"));
		assertThat(looked.ok()).isTrue();
		assertThat(looked.content()).isEqualTo("found it\n[image: image/png, 6 bytes]");
		assertThat(exploded.ok()).isFalse();
		assertThat(exploded.content()).isEqualTo("Error: the fuse was wet");
		assertThat(fake.calls).hasSize(3);
	}

	@Test
	void anAgentCallsAnMcpToolThroughTheLoopAndItsDefaultPolicyAsks() {
		register("fake", fake.url(), null, null);
		String agent = api.post("/api/v1/agents", session.accessToken(), map("name", "Mcp", "model", "local/echo",
				"tools", List.of("mcp:fake:echo", "mcp:fake:lookup")))
			.json()
			.get("id")
			.asString();
		String chat = api.post("/api/v1/chats", session.accessToken(), map("agent_id", agent)).json().get("id")
			.asString();

		// lookup is read-only and closed-world: it runs at once, under the name the model knows it by.
		Response looked = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool mcp_fake_lookup {}"));
		assertThat(looked.json().get("assistant_message").get("content").asString()).contains("found it");
		// echo has no annotations, so MCP's defaults (destructive, open-world) make it ask.
		Response echoed = api.post("/api/v1/chats/" + chat + "/completions", session.accessToken(),
				map("content", "/tool mcp_fake_echo {\"text\": \"hi\"}"));
		assertThat(echoed.json().get("assistant_message").get("status").asString()).isEqualTo("awaiting_approval");
		assertThat(fake.calls).hasSize(1);
		JsonNode runs = api.get("/api/v1/chats/" + chat + "/runs", session.accessToken()).json().get("items");
		JsonNode paused = api.get("/api/v1/runs/" + runs.get(0).get("id").asString(), session.accessToken()).json();
		assertThat(paused.get("steps").get(1).get("tool").asString()).isEqualTo("mcp:fake:echo");
	}

	@Test
	void speaksTheOlderSseTransportToo() {
		register("legacy", sseFake.url(), "sse", Map.of("Authorization", SECRET));

		List<Tool> tools = toolbox.available(userId());
		ToolResult echoed = find(tools, "mcp:legacy:echo").execute(invocation("{\"text\": \"over sse\"}"));

		assertThat(echoed.content()).isEqualTo("echo: over sse");
		assertThat(sseFake.authorizations).isNotEmpty().allMatch(SECRET::equals);
	}

	@Test
	void offersTheOperatorsStdioServerToEveryUser() {
		Session other = api.register();

		Tool mine = find(toolbox.available(userId()), "mcp:local:whoami");
		Tool theirs = find(toolbox.available(UUID.fromString(other.userId())), "mcp:local:whoami");

		assertThat(mine.execute(invocation("{}")).content()).isEqualTo("run by the operator");
		assertThat(theirs.execute(invocation("{}")).content()).isEqualTo("run by the operator");
		// The process sees the SDK's few safe variables and the configured one, none of this server's secrets.
		String environment = find(toolbox.available(userId()), "mcp:local:environment").execute(invocation("{}")).content();
		assertThat(List.of(environment.split(","))).contains("FAKE_GREETING")
			.isSubsetOf("FAKE_GREETING", "HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER");
		// Its name is the operator's: a user cannot take it.
		assertThat(register("local", fake.url(), null, null).status()).isEqualTo(409);
	}

	@Test
	void aServerThatIsDownReportsItInItsStatusAndKeepsNoOtherToolAway() {
		String id = register("down", "http://127.0.0.1:" + closedPort() + "/mcp", null, null).json().get("id").asString();
		register("fake", fake.url(), null, null);

		List<Tool> tools = toolbox.available(userId());
		Response server = api.get("/api/v1/mcp-servers/" + id, session.accessToken());
		Response live = api.get("/api/v1/mcp-servers/" + id + "/tools", session.accessToken());

		assertThat(names(tools)).contains("clock", "mcp:fake:echo", "mcp:local:whoami").noneMatch(n -> n.startsWith("mcp:down:"));
		assertThat(server.json().get("status").asString()).isEqualTo("failed");
		assertThat(server.json().get("error").asString()).isEqualTo("the MCP server could not be reached");
		assertThat(server.json().get("tool_count").isNull()).isTrue();
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.json().get("status").asString()).isEqualTo("failed");
		assertThat(live.json().get("items")).isEmpty();
	}

	@Test
	void listsAServersToolsLive() {
		String id = register("fake", fake.url(), null, null).json().get("id").asString();

		Response live = api.get("/api/v1/mcp-servers/" + id + "/tools", session.accessToken());

		assertThat(live.status()).as(live.body()).isEqualTo(200);
		assertThat(live.json().get("status").asString()).isEqualTo("connected");
		JsonNode lookup = live.json().get("items").valueStream()
			.filter(tool -> tool.get("name").asString().equals("mcp:fake:lookup"))
			.findFirst()
			.orElseThrow();
		assertThat(lookup.get("read_only").asBoolean()).isTrue();
		assertThat(lookup.get("asks_by_default").asBoolean()).isFalse();
		assertThat(lookup.get("input_schema").get("type").asString()).isEqualTo("object");
		assertThat(live.json().get("items")).hasSize(3);
	}

	@Test
	void anotherUsersServerIsNotFoundAndNotInTheirToolbox() {
		String id = register("private", fake.url(), null, Map.of("Authorization", SECRET)).json().get("id").asString();
		Session other = api.register();
		String path = "/api/v1/mcp-servers/" + id;

		assertThat(api.get(path, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get(path + "/tools", other.accessToken()).status()).isEqualTo(404);
		assertThat(api.patch(path, other.accessToken(), map("name", "mine")).status()).isEqualTo(404);
		assertThat(api.delete(path, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/mcp-servers", other.accessToken()).json().get("items")).isEmpty();
		assertThat(names(toolbox.available(UUID.fromString(other.userId())))).noneMatch(n -> n.startsWith("mcp:private:"));
		assertThat(names(toolbox.available(userId()))).contains("mcp:private:echo");
		assertThat(api.get(path, session.accessToken()).status()).isEqualTo(200);
	}

	@Test
	void refusesBadFieldsAllAtOnceAndStdioThroughTheApi() {
		Response bad = api.post("/api/v1/mcp-servers", session.accessToken(), map("name", "Not OK!", "url",
				"ftp://files.example.com/", "transport", "stdio", "headers", map("Host", "elsewhere", "X-Ok", "fine")));
		Response stdio = api.post("/api/v1/mcp-servers", session.accessToken(),
				map("name", "shell", "url", fake.url(), "transport", "stdio"));
		Response missing = api.post("/api/v1/mcp-servers", session.accessToken(), map());

		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).containsExactlyInAnyOrder("name", "url", "transport", "headers.Host");
		assertThat(stdio.status()).isEqualTo(400);
		assertThat(fields(stdio)).containsExactly("transport");
		assertThat(stdio.body()).contains("configured by the server's operator");
		assertThat(fields(missing)).containsExactlyInAnyOrder("name", "url");
		assertThat(api.get("/api/v1/mcp-servers", session.accessToken()).json().get("items")).isEmpty();
	}

	@Test
	void namesAreUniquePerUser() {
		assertThat(register("fake", fake.url(), null, null).status()).isEqualTo(201);
		Response again = register("fake", sseFake.url(), "sse", null);
		Session other = api.register();
		Response theirs = api.post("/api/v1/mcp-servers", other.accessToken(), map("name", "fake", "url", fake.url()));

		assertThat(again.status()).isEqualTo(409);
		assertThat(theirs.status()).isEqualTo(201);
	}

	@Test
	void renamingAndDeletingChangeTheToolsAtOnce() {
		String id = register("fake", fake.url(), null, Map.of("Authorization", SECRET)).json().get("id").asString();
		assertThat(names(toolbox.available(userId()))).contains("mcp:fake:echo");
		String path = "/api/v1/mcp-servers/" + id;

		Response renamed = api.patch(path, session.accessToken(), map("name", "renamed"));
		List<String> afterRename = names(toolbox.available(userId()));
		Response moved = api.patch(path, session.accessToken(), map("url", sseFake.url(), "transport", "sse"));
		Response deleted = api.delete(path, session.accessToken());
		List<String> afterDelete = names(toolbox.available(userId()));

		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("header_names").get(0).asString()).isEqualTo("Authorization");
		assertThat(afterRename).contains("mcp:renamed:echo").doesNotContain("mcp:fake:echo");
		// Stored headers never follow the server to another endpoint unless sent again.
		assertThat(moved.status()).isEqualTo(400);
		assertThat(fields(moved)).containsExactly("headers");
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(afterDelete).noneMatch(n -> n.startsWith("mcp:renamed:"));
		assertThat(api.get(path, session.accessToken()).status()).isEqualTo(404);
	}

	@Test
	void onlyALoginSessionMayStoreOrChangeServers() {
		String id = register("fake", fake.url(), null, null).json().get("id").asString();
		String key = api.post("/api/v1/api-keys", session.accessToken(), map("name", "script")).json().get("key").asString();

		Response created = api.post("/api/v1/mcp-servers", key, map("name", "viakey", "url", fake.url()));
		Response changed = api.patch("/api/v1/mcp-servers/" + id, key, map("name", "viakey"));
		Response deleted = api.delete("/api/v1/mcp-servers/" + id, key);
		Response listed = api.get("/api/v1/mcp-servers", key);

		assertThat(created.status()).isEqualTo(403);
		assertThat(changed.status()).isEqualTo(403);
		assertThat(deleted.status()).isEqualTo(403);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().get("items")).hasSize(1);
	}

	@Test
	void keepsHeaderValuesOutOfResponsesAndLogs(CapturedOutput output) {
		Map<String, LogLevel> previous = new java.util.LinkedHashMap<>();
		for (String logger : List.of("dev.parley", "org.springframework.web", "io.modelcontextprotocol",
				"org.springframework.ai.mcp", "org.springframework.jdbc.core")) {
			LoggerConfiguration current = logging.getLoggerConfiguration(logger);
			previous.put(logger, current == null ? null : current.getConfiguredLevel());
			logging.setLogLevel(logger, logger.contains("jdbc") || logger.endsWith(".web") ? LogLevel.TRACE : LogLevel.DEBUG);
		}
		try {
			Response created = register("fake", fake.url(), null, Map.of("Authorization", SECRET, "X-Api-Key", SECRET));
			String id = created.json().get("id").asString();
			Response listed = api.get("/api/v1/mcp-servers", session.accessToken());
			Response one = api.get("/api/v1/mcp-servers/" + id, session.accessToken());
			Response live = api.get("/api/v1/mcp-servers/" + id + "/tools", session.accessToken());
			Response changed = api.patch("/api/v1/mcp-servers/" + id, session.accessToken(),
					map("url", sseFake.url(), "transport", "sse", "headers", Map.of("Authorization", SECRET)));
			ToolResult echoed = find(toolbox.available(userId()), "mcp:fake:echo").execute(invocation("{\"text\": \"hi\"}"));

			assertThat(echoed.ok()).isTrue();
			assertThat(sseFake.authorizations).isNotEmpty().allMatch(SECRET::equals);
			for (Response response : List.of(created, listed, one, live, changed)) {
				assertThat(response.body()).doesNotContain(SECRET).doesNotContain("mcp-secret");
			}
			assertThat(one.json().get("header_names").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder("Authorization", "X-Api-Key");
			// The logs were captured and do show the requests and the MCP traffic.
			assertThat(output.getAll()).contains("/api/v1/mcp-servers").containsIgnoringCase("insert into \"mcp_servers\"")
				.contains("Setting SQL statement parameter value");
			assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("mcp-secret");
		}
		finally {
			previous.forEach(logging::setLogLevel);
		}
	}

	@Test
	void theEndpointsAreDocumentedWithTheirErrors() {
		JsonNode paths = api.get("/openapi.json", null).json().get("paths");

		JsonNode servers = paths.get("/api/v1/mcp-servers");
		JsonNode server = paths.get("/api/v1/mcp-servers/{id}");
		assertThat(servers.get("post").get("responses").propertyNames()).contains("201", "400", "401", "409");
		assertThat(server.get("get").get("responses").propertyNames()).contains("200", "404");
		assertThat(server.has("patch")).isTrue();
		assertThat(server.has("delete")).isTrue();
		assertThat(paths.get("/api/v1/mcp-servers/{id}/tools").get("get").get("responses").propertyNames())
			.contains("200", "404");
	}

	@Autowired
	LoggingSystem logging;

	private Response register(String name, String url, String transport, Map<String, String> headers) {
		Map<String, Object> body = map("name", name, "url", url);
		if (transport != null) {
			body.put("transport", transport);
		}
		if (headers != null) {
			body.put("headers", headers);
		}
		return api.post("/api/v1/mcp-servers", session.accessToken(), body);
	}

	private UUID userId() {
		return UUID.fromString(session.userId());
	}

	private ToolInvocation invocation(String arguments) {
		return new ToolInvocation(userId(), "call-1", JSON.readTree(arguments), Instant.now().plusSeconds(20));
	}

	static Tool find(List<Tool> tools, String name) {
		return tools.stream()
			.filter(tool -> tool.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not among " + names(tools)));
	}

	static List<String> names(List<Tool> tools) {
		return tools.stream().map(Tool::name).toList();
	}

	static List<String> fields(Response response) {
		return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Another source of tools, which a broken MCP server must not hide. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OtherTools {

		@Bean
		ToolSource clockTools() {
			Tool clock = new Tool() {

				@Override
				public ToolDefinition definition() {
					return new ToolDefinition("clock", "The time", FakeMcpServer.EMPTY_OBJECT_SCHEMA);
				}

				@Override
				public ToolResult execute(ToolInvocation invocation) {
					return ToolResult.ok(Instant.now().toString());
				}
			};
			return userId -> List.of(clock);
		}
	}
}
