package dev.parley.platform;

import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of a module's table as JSON objects, for {@link PersonalData} exports: the query selects
 * one JSON text per row (PostgreSQL's {@code to_jsonb(t)}, minus secret columns with {@code - 'name'}),
 * and names the subject {@code :subject}.
 */
public final class PersonalDataRows {

	private PersonalDataRows() {
	}

	public static Stream<String> of(JdbcClient jdbc, String sql, Object subject) {
		return jdbc.sql(sql).param("subject", subject).query(String.class).list().stream();
	}
}
