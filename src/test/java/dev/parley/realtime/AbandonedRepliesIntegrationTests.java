package dev.parley.realtime;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.conversations.Chats;
import dev.parley.conversations.MessageRole;
import dev.parley.conversations.Replies;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The sweeper interrupts replies a stopped process left streaming, and leaves paused ones alone. */
@IntegrationTest
class AbandonedRepliesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	Chats chats;

	@Autowired
	Replies replies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AbandonedReplies sweeper;

	@Test
	void aReplyAwaitingApprovalIsLeftAloneWhileAnAbandonedOneIsInterrupted() {
		ApiClient.Session session = api.register();
		UUID userId = UUID.fromString(session.userId());
		UUID chat = UUID.fromString(
				api.post("/api/v1/chats", session.accessToken(), map("title", "Paused")).json().get("id").asString());
		chats.post(chat, userId, MessageRole.USER, "delete my files");
		UUID paused = replies.start(chat, userId, "local/echo").id();
		UUID abandoned = replies.start(chat, userId, "local/echo").id();
		replies.saveProgress(abandoned, "cut off");
		jdbc.sql("update messages set status = 'AWAITING_APPROVAL', content = 'May I?' where id = ?")
			.params(paused)
			.update();
		// Neither was saved for ten minutes: long past the sweep threshold.
		jdbc.sql("update messages set updated_at = now() - interval '10 minutes' where id in (?, ?)")
			.params(paused, abandoned)
			.update();

		sweeper.interruptAbandoned();

		JsonNode pausedReply = api.get("/api/v1/messages/" + paused, session.accessToken()).json();
		assertThat(pausedReply.get("status").asString()).isEqualTo("awaiting_approval");
		assertThat(pausedReply.get("content").asString()).isEqualTo("May I?");
		JsonNode abandonedReply = api.get("/api/v1/messages/" + abandoned, session.accessToken()).json();
		assertThat(abandonedReply.get("status").asString()).isEqualTo("interrupted");
		assertThat(abandonedReply.get("content").asString()).isEqualTo("cut off");
	}
}
