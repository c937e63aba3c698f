package dev.parley.ai;

import java.io.IOException;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The user's own provider keys: which providers and when, never the sealed keys. */
@Component
class AiPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AiPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void export(Subject subject, ExportSink sink) throws IOException {
		sink.jsonLines("integrations", PersonalDataRows.of(jdbc, """
				select (to_jsonb(t) - array['key_ciphertext', 'key_nonce', 'key_version'])::text
				from integrations t where user_id = :subject order by created_at, id""", subject.userId()));
	}
}
