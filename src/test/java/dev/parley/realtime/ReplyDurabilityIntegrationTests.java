package dev.parley.realtime;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.parley.ParleyApplication;
import dev.parley.ai.provider.ChatProvider;
import dev.parley.ai.provider.ProviderCall;
import dev.parley.ai.provider.ProviderChunk;
import dev.parley.ai.provider.ProviderError;
import dev.parley.conversations.Chats;
import dev.parley.conversations.MessageRole;
import dev.parley.conversations.MessageStatus;
import dev.parley.conversations.Replies;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.SseStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** What is kept when a provider fails mid-reply, refuses the call, or the process dies. */
@IntegrationTest
@Import(ReplyDurabilityIntegrationTests.FailingProviders.class)
class ReplyDurabilityIntegrationTests {

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String chatId;

	@BeforeEach
	void startChat() {
		session = api.register();
		chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Fragile")).json().get("id").asString();
	}

	@Test
	void aStreamBrokenByTheProviderKeepsWhatArrivedAndFails() {
		Response turn = api.post(completions(), session.accessToken(), map("content", "hello", "model", "failing/break"));

		assertThat(turn.status()).isEqualTo(502);
		assertThat(turn.contentType()).startsWith("application/problem+json");
		JsonNode history = api.get("/api/v1/chats/" + chatId + "/messages", session.accessToken()).json().get("items");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("content").asString()).isEqualTo("hello");
		JsonNode reply = history.get(1);
		assertThat(reply.get("status").asString()).isEqualTo("failed");
		assertThat(reply.get("content").asString()).isEqualTo("Half an answ");
		assertThat(reply.get("error").asString()).isNotBlank();
	}

	@Test
	void aBrokenStreamEndsWithAnErrorEvent() {
		try (SseStream stream = api.stream("POST", completions(), session.accessToken(),
				map("content", "hello", "model", "failing/break", "stream", true), null)) {
			List<SseStream.Event> events = stream.rest();
			assertThat(events.getFirst().name()).isEqualTo("user_message");
			SseStream.Event error = events.getLast();
			assertThat(error.name()).isEqualTo("error");
			assertThat(error.json().get("status").asInt()).isEqualTo(502);
			String messageId = error.json().get("message_id").asString();
			JsonNode stored = api.get("/api/v1/messages/" + messageId, session.accessToken()).json();
			assertThat(stored.get("status").asString()).isEqualTo("failed");
			assertThat(stored.get("content").asString()).isEqualTo("Half an answ");
		}
	}

	@Test
	void aRefusedCallFailsClearlyWithTheUserMessageKept() {
		Response turn = api.post(completions(), session.accessToken(), map("content", "hello", "model", "failing/refuse"));

		assertThat(turn.status()).isEqualTo(502);
		assertThat(turn.json().get("detail").asString()).contains("refused");
		JsonNode history = api.get("/api/v1/chats/" + chatId + "/messages", session.accessToken()).json().get("items");
		assertThat(history.get(0).get("content").asString()).isEqualTo("hello");
		assertThat(history.get(1).get("status").asString()).isEqualTo("failed");
		assertThat(history.get(1).get("content").asString()).isEmpty();
	}

	@Test
	void aRestartInterruptsRepliesAbandonedByACrashKeepingTheirText(@Autowired Chats chats,
			@Autowired Replies replies, @Autowired JdbcClient jdbc) {
		UUID userId = UUID.fromString(session.userId());
		UUID chat = UUID.fromString(chatId);
		chats.post(chat, userId, MessageRole.USER, "before the crash");
		UUID orphan = replies.start(chat, userId, "local/echo").id();
		replies.saveProgress(orphan, "saved a second before the crash");
		// The process that generated it died long ago: its last save is older than the sweep threshold.
		jdbc.sql("update messages set updated_at = now() - interval '10 minutes' where id = ?").params(orphan).update();

		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ParleyApplication.class)
			.run("--server.port=0", "--spring.profiles.active=test")) {
			assertThat(restarted.isRunning()).isTrue();
		}

		JsonNode reply = api.get("/api/v1/messages/" + orphan, session.accessToken()).json();
		assertThat(reply.get("status").asString()).isEqualTo("interrupted");
		assertThat(reply.get("content").asString()).isEqualTo("saved a second before the crash");
		assertThat(chats.message(orphan, userId).status()).isEqualTo(MessageStatus.INTERRUPTED);
	}

	private String completions() {
		return "/api/v1/chats/" + chatId + "/completions";
	}

	/** A provider that fails on purpose: {@code failing/break} mid-stream, {@code failing/refuse} at once. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingProviders {

		@Bean
		ChatProvider failingProvider() {
			return new ChatProvider() {

				@Override
				public String id() {
					return "failing";
				}

				@Override
				public Flux<ProviderChunk> stream(ProviderCall call) {
					if (call.model().equals("refuse")) {
						return Flux.error(new ProviderError(401, null, "Unauthorized", null));
					}
					return Flux.just(ProviderChunk.text("Half "), ProviderChunk.text("an answ"))
						.delayElements(Duration.ofMillis(10))
						.concatWith(Flux.error(new ProviderError(0, null, "Connection reset", null)));
				}
			};
		}
	}
}
