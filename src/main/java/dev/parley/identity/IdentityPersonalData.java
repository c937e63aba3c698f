package dev.parley.identity;

import java.io.IOException;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account, its login sessions, its feedback channels and its API keys, without the password hash or any key's hash. */
@Component
class IdentityPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	IdentityPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void export(Subject subject, ExportSink sink) throws IOException {
		sink.jsonLines("profile", PersonalDataRows.of(jdbc,
				"select (to_jsonb(t) - 'password_hash')::text from users t where id = :subject", subject.userId()));
		sink.jsonLines("sessions", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from refresh_token_families t where user_id = :subject order by created_at",
				subject.userId()));
		sink.jsonLines("channels", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from user_channels t where user_id = :subject", subject.userId()));
		sink.jsonLines("api_keys", PersonalDataRows.of(jdbc,
				"select (to_jsonb(t) - 'key_hash')::text from api_keys t where user_id = :subject order by created_at",
				subject.userId()));
	}
}
