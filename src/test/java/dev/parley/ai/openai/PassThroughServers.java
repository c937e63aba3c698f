package dev.parley.ai.openai;

import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.ai.fake.FakeProvider;
import dev.parley.ai.fake.OpenAiWire;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The servers the pass-through tests run against, over real HTTP: {@code openai} (the server's
 * key), a named OpenAI-compatible server {@code compat} without a key, and a user's own endpoint
 * on 127.0.0.2 (allowed through the outbound address guard). One application context for all the
 * pass-through test classes: they extend this one. The fakes live as long as the JVM, as the
 * context does.
 */
@IntegrationTest
abstract class PassThroughServers {

	static final String SERVER_KEY = "sk-server-key-0123456789";

	static final FakeProvider openai = FakeProvider.start(OpenAiWire.answering("Hello", " there"));

	static final FakeProvider compat = FakeProvider.start(OpenAiWire.answering("Compat"));

	static final FakeProvider own = FakeProvider.startOn(address("127.0.0.2"), OpenAiWire.answering("Own"));

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("parley.ai.openai.api-key", () -> SERVER_KEY);
		registry.add("parley.ai.openai.base-url", () -> openai.baseUrl() + "/v1");
		registry.add("parley.ai.providers.compat.base-url", () -> compat.baseUrl() + "/v1");
		registry.add("parley.ai.aliases.gpt-4o-mini", () -> "openai/gpt-4o-mini");
		registry.add("parley.ai.aliases.[fast.model]", () -> "compat/fast-1");
		registry.add("parley.ai.limits.max-tokens", () -> "1000");
		registry.add("parley.ai.retry.max-attempts", () -> "2");
		registry.add("parley.ai.retry.initial-backoff", () -> "10ms");
		registry.add("parley.ai.retry.max-retry-after", () -> "500ms");
		registry.add("parley.ai.timeouts.first-token", () -> "1s");
		registry.add("parley.ai.timeouts.idle", () -> "1s");
		// The only timeout of a whole (unstreamed) answer: short, so a silent server's 504 comes soon.
		registry.add("parley.ai.timeouts.request", () -> "4s");
		registry.add("resilience4j.circuitbreaker.configs.default.sliding-window-size", () -> "4");
		registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> "4");
		registry.add("parley.platform.outbound.allowed-addresses", () -> "127.0.0.2/32");
	}

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void resetServers() {
		openai.reset();
		compat.reset();
		own.reset();
	}

	/** A fresh user and an API key of theirs. */
	Caller caller() {
		ApiClient.Session session = api.register();
		ApiClient.Response created = api.post("/api/v1/api-keys", session.accessToken(), ApiClient.map("name", "sdk"));
		return new Caller(session, created.json().get("key").asString());
	}

	ApiClient.Response complete(Caller caller, String body) {
		return api.post("/v1/chat/completions", caller.key(), body);
	}

	/** The usage records of a user, once there are this many. */
	List<Map<String, Object>> usage(Caller caller, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select model, provider, key_source, prompt_tokens, completion_tokens, cost_usd, status, "
					+ "time_to_first_token_ms from usage_records where user_id = ? order by created_at")
				.param(UUID.fromString(caller.session().userId()))
				.query()
				.listOfRows(), rows -> rows.size() >= count);
	}

	record Caller(ApiClient.Session session, String key) {
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
