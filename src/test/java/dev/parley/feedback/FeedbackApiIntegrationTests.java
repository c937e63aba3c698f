package dev.parley.feedback;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Feedback requests over the API: asking, the in-app list, the first answer winning, deadlines, escalation, audit. */
@IntegrationTest
@Import(FeedbackTestChannels.class)
class FeedbackApiIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedbackDeadlines deadlines;

	@Autowired
	FeedbackTestChannels.Pushes pushes;

	@Autowired
	FeedbackTestChannels.Pager pager;

	@Test
	void theFirstAnswerWinsAndLaterOnesAreRefusedAndRecorded() {
		Session me = api.register();
		Response created = api.post("/api/v1/feedback", me.accessToken(),
				map("question", "Ship on Friday?", "options", List.of("Yes", "No"), "context", "The release is ready."));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("status").asString()).isEqualTo("pending");
		assertThat(created.json().get("channels").get(0).asString()).isEqualTo("in_app");
		assertThat(created.json().get("on_timeout").asString()).isEqualTo("wait");

		JsonNode pending = api.get("/api/v1/feedback?status=pending", me.accessToken()).json();
		assertThat(ids(pending.get("items"))).containsExactly(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> pushes.sent.stream()
			.anyMatch(push -> push.userId().toString().equals(me.userId()) && push.type().equals("feedback.request")
					&& ((InAppChannel.Frame) push.payload()).requestId().toString().equals(id)));

		Response answered = api.post("/api/v1/feedback/" + id + "/answer", me.accessToken(), map("answer", "yes"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(answered.json().get("status").asString()).isEqualTo("answered");
		assertThat(answered.json().get("answer").asString()).isEqualTo("Yes");
		assertThat(answered.json().get("answered_by").asString()).isEqualTo(me.userId());
		assertThat(answered.json().get("answered_via").asString()).isEqualTo("in_app");

		Response again = api.post("/api/v1/feedback/" + id + "/answer", me.accessToken(), map("answer", "No"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/feedback/" + id, me.accessToken()).json().get("answer").asString()).isEqualTo("Yes");
		assertThat(ids(api.get("/api/v1/feedback?status=pending", me.accessToken()).json().get("items"))).isEmpty();
		assertThat(ids(api.get("/api/v1/feedback?status=answered", me.accessToken()).json().get("items")))
			.containsExactly(id);

		JsonNode events = api.get("/api/v1/feedback/" + id + "/events", me.accessToken()).json();
		assertThat(types(events)).containsExactly("requested", "delivered", "answered", "answer_refused");
		assertThat(events.get(1).get("channel").asString()).isEqualTo("in_app");
		assertThat(events.get(2).get("actor_id").asString()).isEqualTo(me.userId());
		assertThat(events.get(3).get("detail").asString()).contains("answered already").contains("No");
	}

	@Test
	void anotherUsersRequestIsNotFound() {
		Session owner = api.register();
		Session other = api.register();
		String id = api.post("/api/v1/feedback", owner.accessToken(), map("question", "Mine?")).json().get("id")
			.asString();

		assertThat(api.get("/api/v1/feedback/" + id, other.accessToken()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/feedback/" + id + "/events", other.accessToken()).status()).isEqualTo(404);
		Response answer = api.post("/api/v1/feedback/" + id + "/answer", other.accessToken(), map("answer", "yes"));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(api.post("/api/v1/feedback/" + UUID.randomUUID() + "/answer", other.accessToken(),
				map("answer", "yes")).status()).isEqualTo(404);
		assertThat(ids(api.get("/api/v1/feedback", other.accessToken()).json().get("items"))).isEmpty();
		assertThat(api.get("/api/v1/feedback/" + id, owner.accessToken()).json().get("status").asString())
			.isEqualTo("pending");
		assertThat(types(api.get("/api/v1/feedback/" + id + "/events", owner.accessToken()).json()))
			.contains("answer_refused");
	}

	@Test
	void refusesEveryInvalidFieldAtOnceAndAnswersOutsideTheOptions() {
		Session me = api.register();
		Response invalid = api.post("/api/v1/feedback", me.accessToken(), map("question", " ", "channels",
				List.of("carrier_pigeon"), "timeout", "soon", "on_timeout", "explode"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"timeout\"").contains("\"on_timeout\"");
		Response checked = api.post("/api/v1/feedback", me.accessToken(),
				map("question", " ", "channels", List.of("carrier_pigeon"), "options", List.of("a", "A")));
		assertThat(checked.status()).isEqualTo(400);
		assertThat(checked.body()).contains("\"question\"").contains("\"channels\"").contains("\"options\"");

		String id = api.post("/api/v1/feedback", me.accessToken(), map("question", "Red or blue?", "options",
				List.of("red", "blue"))).json().get("id").asString();
		Response outside = api.post("/api/v1/feedback/" + id + "/answer", me.accessToken(), map("answer", "green"));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("\"answer\"").contains("red, blue");
		assertThat(api.post("/api/v1/feedback/" + id + "/answer", me.accessToken(), map("answer", "Blue")).status())
			.isEqualTo(200);
	}

	@Test
	void deliversOnEachChannelAndRecordsFailures() {
		Session me = api.register();
		String id = api.post("/api/v1/feedback", me.accessToken(),
				map("question", "Anyone?", "channels", List.of("in_app", "broken", "pager"))).json().get("id").asString();

		await().atMost(Duration.ofSeconds(10)).until(() -> types(events(me, id)).size() == 4);
		JsonNode events = events(me, id);
		assertThat(types(events)).containsExactly("requested", "delivered", "delivery_failed", "delivered");
		assertThat(events.get(2).get("channel").asString()).isEqualTo("broken");
		assertThat(events.get(2).get("detail").asString()).isEqualTo("the pager service refused: 503");
		assertThat(pager.delivered).anyMatch(delivery -> delivery.requestId().toString().equals(id));
	}

	@Test
	void atTheDeadlineARequestTimesOutOrWaitsOn() {
		Session me = api.register();
		String denied = api.post("/api/v1/feedback", me.accessToken(),
				map("question", "Deny?", "timeout", "1h", "on_timeout", "deny")).json().get("id").asString();
		String waiting = api.post("/api/v1/feedback", me.accessToken(),
				map("question", "Wait?", "timeout", "PT1H")).json().get("id").asString();
		pastDeadline(denied);
		pastDeadline(waiting);

		deadlines.sweep();

		// The scheduled sweep may have claimed a request first; it then ends it on its own thread.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(api.get("/api/v1/feedback/" + denied, me.accessToken()).json().get("status").asString())
				.isEqualTo("timed_out");
			assertThat(api.get("/api/v1/feedback/" + waiting, me.accessToken()).json().get("expired_at").isNull())
				.isFalse();
		});
		JsonNode timedOut = api.get("/api/v1/feedback/" + denied, me.accessToken()).json();
		assertThat(timedOut.get("status").asString()).isEqualTo("timed_out");
		assertThat(timedOut.get("answer").isNull()).isTrue();
		assertThat(types(events(me, denied))).contains("timed_out");
		assertThat(api.post("/api/v1/feedback/" + denied + "/answer", me.accessToken(), map("answer", "ok")).status())
			.isEqualTo(409);

		JsonNode expired = api.get("/api/v1/feedback/" + waiting, me.accessToken()).json();
		assertThat(expired.get("status").asString()).isEqualTo("pending");
		assertThat(expired.get("expired_at").isNull()).isFalse();
		deadlines.sweep();
		assertThat(types(events(me, waiting)).stream().filter("expired"::equals)).hasSize(1);
		assertThat(api.post("/api/v1/feedback/" + waiting + "/answer", me.accessToken(), map("answer", "ok")).status())
			.isEqualTo(200);
	}

	@Test
	void escalatesToAnotherChannelAndPersonWhoMayThenAnswer() {
		Session me = api.register();
		Session deputy = api.register();
		String id = api.post("/api/v1/feedback", me.accessToken(), map("question", "Approve the budget?", "timeout",
				"2h", "escalate_after", "1h", "escalate_to", map("channels", List.of("pager"), "user_id", deputy.userId())))
			.json()
			.get("id")
			.asString();
		assertThat(api.get("/api/v1/feedback/" + id, deputy.accessToken()).status()).isEqualTo(404);
		jdbc.sql("update feedback_requests set escalate_at = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(id))
			.update();

		deadlines.sweep();

		// The scheduled sweep may have claimed the escalation first and be delivering it on its own thread.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pager.delivered)
			.anyMatch(delivery -> delivery.requestId().toString().equals(id)
					&& delivery.recipientId().toString().equals(deputy.userId())));
		JsonNode seen = api.get("/api/v1/feedback/" + id, deputy.accessToken()).json();
		assertThat(seen.get("escalation").get("escalated_at").isNull()).isFalse();
		assertThat(ids(api.get("/api/v1/feedback?status=pending", deputy.accessToken()).json().get("items")))
			.containsExactly(id);
		Response answered = api.post("/api/v1/feedback/" + id + "/answer", deputy.accessToken(), map("answer", "yes"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(answered.json().get("answered_by").asString()).isEqualTo(deputy.userId());
		deadlines.sweep();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(types(events(me, id)))
			.containsExactly("requested", "delivered", "escalated", "delivered", "answered"));
	}

	@Test
	void listsPageByPage() {
		Session me = api.register();
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.addFirst(api.post("/api/v1/feedback", me.accessToken(), map("question", "Q" + i)).json().get("id")
				.asString());
		}
		JsonNode first = api.get("/api/v1/feedback?limit=2", me.accessToken()).json();
		JsonNode second = api.get("/api/v1/feedback?limit=2&cursor=" + first.get("next_cursor").asString(),
				me.accessToken()).json();
		List<String> all = new ArrayList<>(ids(first.get("items")));
		all.addAll(ids(second.get("items")));
		assertThat(all).containsExactlyElementsOf(created);
		assertThat(second.get("next_cursor").isNull()).isTrue();
	}

	@Test
	void theApiDocumentListsEveryFeedbackEndpoint() {
		// The first document is built on demand, which a busy machine takes a while for.
		JsonNode paths = api.send(api.request("/openapi.json", null).timeout(Duration.ofMinutes(2)).GET()).json()
			.get("paths");

		assertThat(paths.get("/api/v1/feedback").propertyNames()).contains("get", "post");
		assertThat(paths.get("/api/v1/feedback/{id}").has("get")).isTrue();
		assertThat(paths.get("/api/v1/feedback/{id}/events").has("get")).isTrue();
		assertThat(paths.get("/api/v1/feedback/{id}/answer").get("post").get("responses").propertyNames())
			.contains("400", "404", "409");
	}

	private void pastDeadline(String id) {
		jdbc.sql("update feedback_requests set deadline = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(id))
			.update();
	}

	private JsonNode events(Session session, String id) {
		return api.get("/api/v1/feedback/" + id + "/events", session.accessToken()).json();
	}

	static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	static List<String> types(JsonNode events) {
		List<String> types = new ArrayList<>();
		events.forEach(event -> types.add(event.get("type").asString()));
		return types;
	}
}
