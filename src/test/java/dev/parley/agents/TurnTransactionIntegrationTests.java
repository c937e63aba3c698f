package dev.parley.agents;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A turn starts in one transaction: the user's message, the history and the reply's draft are
 * stored together or not at all. A trigger makes the database refuse this chat's draft, after the
 * user's message was inserted.
 */
@IntegrationTest
class TurnTransactionIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTurnWhoseDraftCannotBeStoredLeavesNoUserMessage() {
		ApiClient.Session session = api.register();
		String chatId = api.post("/api/v1/chats", session.accessToken(), map("title", "Atomic")).json().get("id")
			.asString();
		String function = "refuse_draft_" + chatId.replace("-", "");
		jdbc.sql("""
				create function %s() returns trigger language plpgsql as $$
				begin
				  if new.chat_id = '%s' and new.role = 'ASSISTANT' then
				    raise exception 'no drafts in this chat';
				  end if;
				  return new;
				end $$
				""".formatted(function, chatId)).update();
		jdbc.sql("create trigger %s before insert on messages for each row execute function %s()"
			.formatted(function, function)).update();
		try {
			ApiClient.Response turn = api.post("/api/v1/chats/" + chatId + "/completions", session.accessToken(),
					map("content", "is this kept?"));

			assertThat(turn.status()).isGreaterThanOrEqualTo(500);
			assertThat(api.get("/api/v1/chats/" + chatId + "/messages", session.accessToken()).json().get("items"))
				.isEmpty();
			assertThat(api.get("/api/v1/chats/" + chatId, session.accessToken()).json().get("message_count").asInt())
				.isZero();
		}
		finally {
			jdbc.sql("drop trigger %s on messages".formatted(function)).update();
			jdbc.sql("drop function %s()".formatted(function)).update();
		}
		// Without the trigger the same turn is stored whole.
		ApiClient.Response turn = api.post("/api/v1/chats/" + chatId + "/completions", session.accessToken(),
				map("content", "and now?"));
		assertThat(turn.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/chats/" + chatId, session.accessToken()).json().get("message_count").asInt())
			.isEqualTo(2);
	}
}
