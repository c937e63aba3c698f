package dev.parley.agents;

import java.io.IOException;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects, agents, runs with their steps and approval decisions, MCP servers and data connections,
 * without the sealed headers and keys.
 */
@Component
class AgentsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AgentsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void export(Subject subject, ExportSink sink) throws IOException {
		section(sink, "projects", "select to_jsonb(t)::text from projects t where user_id = :subject order by id", subject);
		section(sink, "agents", "select to_jsonb(t)::text from agents t where user_id = :subject order by id", subject);
		section(sink, "runs", "select to_jsonb(t)::text from runs t where user_id = :subject order by id", subject);
		section(sink, "run_steps", """
				select to_jsonb(s)::text from run_steps s join runs r on r.id = s.run_id
				where r.user_id = :subject order by s.run_id, s.ordinal""", subject);
		section(sink, "approval_decisions",
				"select to_jsonb(t)::text from approval_decisions t where user_id = :subject order by id", subject);
		section(sink, "mcp_servers", """
				select (to_jsonb(t) - array['headers_ciphertext', 'headers_nonce', 'headers_key_id'])::text
				from mcp_servers t where user_id = :subject order by id""", subject);
		section(sink, "data_connections", """
				select (to_jsonb(t) - array['key_ciphertext', 'key_nonce', 'key_version'])::text
				from data_connections t where user_id = :subject order by id""", subject);
	}

	private void section(ExportSink sink, String name, String sql, Subject subject) throws IOException {
		sink.jsonLines(name, PersonalDataRows.of(jdbc, sql, subject.userId()));
	}
}
