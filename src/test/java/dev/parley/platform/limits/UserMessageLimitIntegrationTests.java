package dev.parley.platform.limits;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-user message limit over HTTP, on every route that starts a turn, and the per-session and
 * per-channel policies the WebSocket and feedback code take from.
 */
@IntegrationTest
@TestPropertySource(properties = { "parley.platform.limits.user-messages=3",
		"parley.platform.limits.session-messages=2", "parley.platform.limits.channel-messages=2" })
class UserMessageLimitIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	RateLimits limits;

	@Autowired
	RateLimitPolicies policies;

	@Test
	void aUserPastTheirMessagesIsRefusedWithTheRateLimitFields() {
		Session session = api.register();
		String chat = api.post("/api/v1/chats", session.accessToken(), map()).json().get("id").asString();
		String completions = "/api/v1/chats/" + chat + "/completions";

		Response first = api.post(completions, session.accessToken(), map("content", "one"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.header("RateLimit-Policy")).isEqualTo("\"user-messages\";q=3;w=60");
		assertThat(first.header("RateLimit")).matches("\"user-messages\";r=2;t=\\d+");
		// Every route that starts a turn takes from the same bucket.
		assertThat(api.post("/api/v1/ai/generate", session.accessToken(), map("prompt", "two")).status()).isEqualTo(200);
		assertThat(api.post(completions, session.accessToken(), map("content", "three")).status()).isEqualTo(200);

		Response refused = api.post(completions, session.accessToken(), map("content", "four"));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("https://parley.dev/problems/rate-limited");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"user-messages\";q=3;w=60");
		assertThat(refused.header("RateLimit")).matches("\"user-messages\";r=0;t=\\d+");
		assertThat(api.post("/api/v1/query", session.accessToken(), map("prompt", "five")).status()).isEqualTo(429);
		// Reading is not limited, and nothing of the refused turn was stored.
		Response messages = api.get("/api/v1/chats/" + chat + "/messages", session.accessToken());
		assertThat(messages.status()).isEqualTo(200);
		assertThat(messages.header("RateLimit")).isNull();
		assertThat(messages.json().get("items")).hasSize(4);
	}

	@Test
	void oneUsersMessagesDoNotCountAgainstAnother() {
		Session busy = api.register();
		for (int i = 0; i < 3; i++) {
			api.post("/api/v1/ai/generate", busy.accessToken(), map("prompt", "hi " + i));
		}
		assertThat(api.post("/api/v1/ai/generate", busy.accessToken(), map("prompt", "more")).status()).isEqualTo(429);

		Session other = api.register();
		assertThat(api.post("/api/v1/ai/generate", other.accessToken(), map("prompt", "hi")).status()).isEqualTo(200);
	}

	@Test
	void liveSessionsAndFeedbackChannelsHaveTheirOwnBuckets() {
		RateLimitState first = limits.consume(policies.sessionMessages(), "session-a");
		assertThat(first.remaining()).isEqualTo(1);
		limits.consume(policies.sessionMessages(), "session-a");
		assertThatThrownBy(() -> limits.consume(policies.sessionMessages(), "session-a"))
			.isInstanceOfSatisfying(RateLimitExceeded.class, refused -> {
				assertThat(refused.retryAfter().orElseThrow()).isPositive();
				assertThat(refused.headerFields()).containsEntry("RateLimit-Policy", "\"session-messages\";q=2;w=60");
			});
		assertThat(limits.consume(policies.sessionMessages(), "session-b").remaining()).isEqualTo(1);

		limits.consume(policies.channelMessages(), "slack:U1");
		limits.consume(policies.channelMessages(), "slack:U1");
		assertThatThrownBy(() -> limits.consume(policies.channelMessages(), "slack:U1"))
			.isInstanceOf(RateLimitExceeded.class);
		assertThat(limits.consume(policies.channelMessages(), "email:ada@example.com").remaining()).isEqualTo(1);
	}
}
