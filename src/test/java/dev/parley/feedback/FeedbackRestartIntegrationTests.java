package dev.parley.feedback;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.ParleyApplication;
import dev.parley.feedback.AskHumanIntegrationTests.Paused;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A run waiting for a person outlives the process that asked: another process, on the same
 * database, takes the answer — or the deadline — and the run goes on there.
 */
@IntegrationTest
class FeedbackRestartIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedbackDeadlines deadlines;

	@Test
	void questionsAskedByAStoppedProcessAreAnsweredAndTimedOutHere() {
		Session session;
		Paused answered;
		Paused timedOut;
		try (ConfigurableApplicationContext stopped = new SpringApplicationBuilder(ParleyApplication.class)
			.run("--server.port=0", "--spring.profiles.active=test")) {
			ApiClient gone = new ApiClient(Integer.parseInt(stopped.getEnvironment().getProperty("local.server.port")));
			session = gone.register();
			answered = AskHumanIntegrationTests.askHuman(gone, session, "{\"question\": \"Still there?\"}");
			timedOut = AskHumanIntegrationTests.askHuman(gone, session,
					"{\"question\": \"Anyone?\", \"timeout\": \"1h\", \"on_timeout\": \"deny\"}");
		}

		Response answer = api.post("/api/v1/feedback/" + answered.request().get("id").asString() + "/answer",
				session.accessToken(), map("answer", "yes, here"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		jdbc.sql("update feedback_requests set deadline = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(timedOut.request().get("id").asString()))
			.update();
		deadlines.sweep();

		assertThat(AskHumanIntegrationTests.awaitEnd(api, session, answered.runId()).get("stop_reason").asString())
			.isEqualTo("answered");
		JsonNode reply = api.get("/api/v1/messages/" + answered.replyId(), session.accessToken()).json();
		assertThat(reply.get("status").asString()).isEqualTo("completed");
		assertThat(reply.get("content").asString()).contains("yes, here");

		JsonNode ended = AskHumanIntegrationTests.awaitEnd(api, session, timedOut.runId());
		assertThat(ended.get("steps").get(1).get("result_summary").asString()).contains("timed out");
		assertThat(api.get("/api/v1/messages/" + timedOut.replyId(), session.accessToken()).json().get("content")
			.asString()).contains("nobody answered");
	}
}
