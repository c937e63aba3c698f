package dev.parley.feedback;

import java.io.IOException;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feedback requests put to the user or asked by them, with their audit trails. Requests put to the
 * user go with the account; those they asked of others stay, without their asker.
 */
@Component
class FeedbackPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	FeedbackPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void export(Subject subject, ExportSink sink) throws IOException {
		sink.jsonLines("feedback_requests", PersonalDataRows.of(jdbc, """
				select to_jsonb(t)::text from feedback_requests t
				where recipient_id = :subject or requester_user_id = :subject or answered_by = :subject
				order by created_at, id""", subject.userId()));
		sink.jsonLines("feedback_events", PersonalDataRows.of(jdbc, """
				select to_jsonb(e)::text from feedback_events e join feedback_requests r on r.id = e.request_id
				where r.recipient_id = :subject or r.requester_user_id = :subject order by e.id""", subject.userId()));
	}
}
