package dev.parley.ai.credentials;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OllamaWire;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.ai.fake.Reply;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
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
 * A user's {@code base_url} cannot make the server call its own neighbours: a name that resolves to
 * loopback, an address literal in any notation, a redirect from an allowed server. A canary on
 * loopback stands for the neighbour (an admin port, the metadata service); it must never see a
 * request, and {@code /test} must not tell a refused address from one that does not answer.
 */
@IntegrationTest
class OutboundGuardIntegrationTests {

	static final FakeProvider canary = FakeProvider.start(OpenAiWire.answering("the", " canary", " answered"));

	/** An allowed server (127.0.0.2 is on the allow list) that redirects every call to the canary. */
	static final FakeProvider redirector = FakeProvider.startOn(secondLoopback(),
			request -> Reply.json(307, "{}").withHeader("Location", canary.baseUrl() + request.uri()));

	static final String UNREACHABLE = "the provider could not be reached";

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.own-keys.providers", () -> "openai");
		// The operator's own Ollama: not guarded, and not where users' calls go.
		registry.add("parley.ai.ollama.base-url", () -> "http://127.0.0.1:9");
		registry.add("parley.ai.credentials.test-timeout", () -> "5s");
		registry.add("parley.platform.outbound.allowed-addresses", () -> "127.0.0.2/32");
	}

	@AfterAll
	static void stop() {
		canary.close();
		redirector.close();
	}

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	@BeforeEach
	void reset() {
		canary.reset();
		redirector.reset();
		session = api.register();
	}

	@Test
	void aNameThatResolvesToLoopbackNeverGetsTheKey() {
		String key = "sk-own-" + UUID.randomUUID();
		String id = add("openai", key, "http://" + TestHostNames.LOOPBACK + ":" + port(canary) + "/v1");

		Response tested = api.post("/api/v1/integrations/" + id + "/test", session.accessToken(), null);
		Response turn = turn("openai/gpt-4o-mini");

		assertThat(tested.status()).isEqualTo(200);
		assertThat(tested.json().get("ok").asBoolean()).isFalse();
		assertThat(tested.json().get("reason").asString()).isEqualTo(UNREACHABLE);
		assertThat(turn.body()).doesNotContain("canary answered").doesNotContain(key);
		assertThat(canary.requests()).isEmpty();
	}

	@Test
	void anOllamaNameThatResolvesToLoopbackIsRefusedAsWell() {
		FakeProvider ollama = FakeProvider.start(OllamaWire.answering("the canary answered"));
		try {
			String id = add("ollama", "unused-key", "http://" + TestHostNames.LOOPBACK + ":" + port(ollama));

			Response tested = api.post("/api/v1/integrations/" + id + "/test", session.accessToken(), null);
			Response turn = turn("ollama/llama3.2");

			assertThat(tested.json().get("reason").asString()).isEqualTo(UNREACHABLE);
			assertThat(turn.body()).doesNotContain("canary answered");
			assertThat(ollama.requests()).isEmpty();
		}
		finally {
			ollama.close();
		}
	}

	@Test
	void aRedirectFromAnAllowedServerIsNotFollowedToLoopback() {
		String key = "sk-own-" + UUID.randomUUID();
		String id = add("openai", key, "http://" + TestHostNames.SECOND_LOOPBACK + ":" + port(redirector) + "/v1");

		Response tested = api.post("/api/v1/integrations/" + id + "/test", session.accessToken(), null);
		Response turn = turn("openai/gpt-4o-mini");

		assertThat(tested.json().get("ok").asBoolean()).isFalse();
		assertThat(redirector.requests()).isNotEmpty();
		assertThat(turn.body()).doesNotContain("canary answered");
		assertThat(canary.requests()).isEmpty();
	}

	@Test
	void aRefusedAddressAnswersLikeOneThatCannotBeReached() {
		String refused = add("openai", "sk-one", "http://" + TestHostNames.LOOPBACK + ":" + port(canary) + "/v1");
		String reason = test(refused);
		api.delete("/api/v1/integrations/" + refused, session.accessToken());
		String closedPort = add("openai", "sk-two", "http://" + TestHostNames.SECOND_LOOPBACK + ":9/v1");
		String closed = test(closedPort);
		api.delete("/api/v1/integrations/" + closedPort, session.accessToken());
		String unknownName = add("openai", "sk-three", "http://no-such-host.invalid/v1");

		assertThat(reason).isEqualTo(UNREACHABLE);
		assertThat(closed).isEqualTo(UNREACHABLE);
		assertThat(test(unknownName)).isEqualTo(UNREACHABLE);
		assertThat(canary.requests()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2130706433", "0x7f.1", "0x7f000001", "017700000001", "0177.0.0.1", "127.1", "127.0.0.1.",
			"[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]",
			"[::]", "0", "169.254.169.254", "[::ffff:169.254.169.254]", "100.64.0.1", "[fd12::1]", "[2002:7f00:1::]" })
	void refusesAddressLiteralsOfNeighboursInAnyNotation(String host) {
		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", "openai", "api_key", "sk-literal", "base_url", "http://" + host + ":" + port(canary) + "/v1"));

		assertThat(created.status()).as(created.body()).isEqualTo(400);
		assertThat(created.json().get("errors").get(0).get("field").asString()).isEqualTo("base_url");
		assertThat(canary.requests()).isEmpty();
	}

	private String add(String provider, String key, String baseUrl) {
		Response created = api.post("/api/v1/integrations", session.accessToken(),
				map("provider", provider, "api_key", key, "base_url", baseUrl));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String test(String id) {
		Response tested = api.post("/api/v1/integrations/" + id + "/test", session.accessToken(), null);
		assertThat(tested.json().get("ok").asBoolean()).isFalse();
		return tested.json().get("reason").asString();
	}

	private Response turn(String model) {
		String chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Guard")).json().get("id").asString();
		return api.post("/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", "Who is there?", "model", model));
	}

	private static int port(FakeProvider fake) {
		String url = fake.baseUrl();
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
	}

	private static InetAddress secondLoopback() {
		try {
			return InetAddress.getByAddress(new byte[] { 127, 0, 0, 2 });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
