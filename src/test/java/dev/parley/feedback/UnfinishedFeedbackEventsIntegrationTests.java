package dev.parley.feedback;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import dev.parley.feedback.AskHumanIntegrationTests.Paused;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An answer committed whose listeners never ran (the process stopped in between) still reaches
 * its run: the unfinished publication is handed again.
 */
@IntegrationTest
class UnfinishedFeedbackEventsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnfinishedFeedbackEvents unfinished;

	@Test
	void anAnswerWhoseListenerWasLostStillResumesItsRun() {
		Session me = api.register();
		// A first answer, handled as always, shows how the registry keeps the run's listener.
		Paused handled = AskHumanIntegrationTests.askHuman(api, me, "{\"question\": \"First?\"}");
		api.post("/api/v1/feedback/" + handled.request().get("id").asString() + "/answer", me.accessToken(),
				map("answer", "one"));
		AskHumanIntegrationTests.awaitEnd(api, me, handled.runId());
		Map<String, Object> publication = jdbc.sql("""
				select listener_id, event_type, serialized_event from event_publication
				where event_type = :type and listener_id like '%agents%' and serialized_event like :request""")
			.param("type", FeedbackAnswered.class.getName())
			.param("request", "%" + handled.request().get("id").asString() + "%")
			.query()
			.singleRow();

		// The second answer is committed, and then the process stops before any listener runs.
		Paused lost = AskHumanIntegrationTests.askHuman(api, me, "{\"question\": \"Second?\"}");
		String request = lost.request().get("id").asString();
		jdbc.sql("""
				update feedback_requests set status = 'ANSWERED', answer = 'two', answered_by = recipient_id,
				answered_via = 'in_app', answered_at = now(), ended_at = now() where id = :id""")
			.param("id", UUID.fromString(request))
			.update();
		String event = ((String) publication.get("serialized_event"))
			.replace(handled.request().get("id").asString(), request)
			.replace(handled.runId(), lost.runId())
			.replace(stepOf(handled), stepOf(lost))
			.replace("\"one\"", "\"two\"");
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				completion_attempts) values (:id, :listener, :type, :event, now() - interval '5 minutes', 'PUBLISHED', 1)""")
			.param("id", UUID.randomUUID())
			.param("listener", publication.get("listener_id"))
			.param("type", publication.get("event_type"))
			.param("event", event)
			.update();
		assertThat(api.get("/api/v1/runs/" + lost.runId(), me.accessToken()).json().get("status").asString())
			.isEqualTo("awaiting_approval");

		unfinished.resubmit();

		AskHumanIntegrationTests.awaitEnd(api, me, lost.runId());
		assertThat(api.get("/api/v1/messages/" + lost.replyId(), me.accessToken()).json().get("content").asString())
			.contains("\"answer\":\"two\"");
	}

	private String stepOf(Paused paused) {
		return paused.request().get("requester").get("step_id").asString();
	}
}
