package dev.parley.agents.mcp;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.parley.agents.tools.Toolbox;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestHostNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A user's MCP server URL cannot make the server call its own neighbours. A real MCP server on
 * loopback stands for the neighbour (the canary); it must never see a request, whether its name
 * resolves there, a literal names it, or an allowed server redirects to it, and a refused address
 * must read exactly like one that does not answer.
 */
@IntegrationTest
class McpAddressGuardIntegrationTests {

	static final FakeMcpServer canary = FakeMcpServer.streamable();

	static final FakeMcpServer sseCanary = FakeMcpServer.sse();

	/** An allowed server (127.0.0.2 is on the allow list) that redirects everything to the canary. */
	static final HttpServer redirector = redirectingToCanary();

	static final AtomicInteger redirected = new AtomicInteger();

	static final String UNREACHABLE = "the MCP server could not be reached";

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("parley.platform.outbound.allowed-addresses", () -> "127.0.0.2/32");
		registry.add("parley.agents.mcp.request-timeout", () -> "5s");
	}

	@AfterAll
	static void stop() {
		canary.close();
		sseCanary.close();
		redirector.stop(0);
	}

	@Autowired
	ApiClient api;

	@Autowired
	Toolbox toolbox;

	Session session;

	@BeforeEach
	void reset() {
		canary.reset();
		sseCanary.reset();
		redirected.set(0);
		session = api.register();
	}

	@Test
	void aNameThatResolvesToLoopbackIsNeverConnectedTo() {
		String id = register("canary", canary.url(TestHostNames.LOOPBACK), "streamable-http");
		String sseId = register("ssecanary", sseCanary.url(TestHostNames.LOOPBACK), "sse");

		var tools = toolbox.available(UUID.fromString(session.userId()));
		Response live = api.get("/api/v1/mcp-servers/" + id + "/tools", session.accessToken());
		Response sseLive = api.get("/api/v1/mcp-servers/" + sseId + "/tools", session.accessToken());
		Response server = api.get("/api/v1/mcp-servers/" + id, session.accessToken());

		assertThat(tools).extracting(dev.parley.agents.tools.Tool::name).noneMatch(name -> name.startsWith("mcp:"));
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.json().get("status").asString()).isEqualTo("failed");
		assertThat(live.json().get("error").asString()).isEqualTo(UNREACHABLE);
		assertThat(sseLive.json().get("error").asString()).isEqualTo(UNREACHABLE);
		assertThat(server.json().get("status").asString()).isEqualTo("failed");
		assertThat(canary.requests.get()).isZero();
		assertThat(sseCanary.requests.get()).isZero();
	}

	@Test
	void aRefusedAddressReadsLikeOneThatDoesNotAnswer() {
		String refused = register("refused", canary.url(TestHostNames.LOOPBACK), null);
		String closed = register("closed",
				"http://" + TestHostNames.SECOND_LOOPBACK + ":" + McpServersIntegrationTests.closedPort() + "/mcp", null);

		String refusedError = api.get("/api/v1/mcp-servers/" + refused + "/tools", session.accessToken())
			.json()
			.get("error")
			.asString();
		String closedError = api.get("/api/v1/mcp-servers/" + closed + "/tools", session.accessToken())
			.json()
			.get("error")
			.asString();

		assertThat(refusedError).isEqualTo(UNREACHABLE).isEqualTo(closedError);
		assertThat(canary.requests.get()).isZero();
	}

	@Test
	void aRedirectFromAnAllowedServerIsNotFollowed() {
		String id = register("redirect",
				"http://" + TestHostNames.SECOND_LOOPBACK + ":" + redirector.getAddress().getPort() + "/mcp", null);

		Response live = api.get("/api/v1/mcp-servers/" + id + "/tools", session.accessToken());

		assertThat(live.json().get("status").asString()).isEqualTo("failed");
		assertThat(redirected.get()).isPositive();
		assertThat(canary.requests.get()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "localhost", "2130706433", "0x7f.1", "[::1]", "[::ffff:127.0.0.1]",
			"169.254.169.254", "10.0.0.8", "[fd12::1]" })
	void refusesUrlsThatNameANeighbourOnSight(String host) {
		Response created = api.post("/api/v1/mcp-servers", session.accessToken(),
				map("name", "neighbour", "url", "http://" + host + ":" + canary.port() + "/mcp"));

		assertThat(created.status()).as(created.body()).isEqualTo(400);
		assertThat(McpServersIntegrationTests.fields(created)).containsExactly("url");
		assertThat(canary.requests.get()).isZero();
	}

	private String register(String name, String url, String transport) {
		var body = map("name", name, "url", url);
		if (transport != null) {
			body.put("transport", transport);
		}
		Response created = api.post("/api/v1/mcp-servers", session.accessToken(), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static HttpServer redirectingToCanary() {
		try {
			HttpServer server = HttpServer.create(
					new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 }), 0), 0);
			server.createContext("/", exchange -> {
				redirected.incrementAndGet();
				exchange.getResponseHeaders().set("Location", canary.url());
				exchange.sendResponseHeaders(307, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
