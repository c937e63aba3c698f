package dev.parley.catalog;

import java.io.IOException;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Swipe sessions and swipes, recommendations and what was done with them, followed affiliate
 * links, and the newsletter subscription and consent ledger of the user's email. Erasure removes
 * what is keyed by email and the user's clicks (which would otherwise only lose their user).
 */
@Component
class CatalogPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	CatalogPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void export(Subject subject, ExportSink sink) throws IOException {
		for (String table : new String[] { "swipe_sessions", "swipes", "recommendation_sets", "recommendations",
				"recommendation_interactions", "product_clicks" }) {
			sink.jsonLines(table, PersonalDataRows.of(jdbc,
					"select to_jsonb(t)::text from " + table + " t where user_id = :subject", subject.userId()));
		}
		sink.jsonLines("newsletter_subscriptions", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from newsletter_subscriptions t where email = :subject", subject.email()));
		sink.jsonLines("consent_ledger", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from newsletter_consents t where email = :subject order by occurred_at",
				subject.email()));
	}

	@Override
	public void erase(Subject subject) {
		jdbc.sql("delete from product_clicks where user_id = :id").param("id", subject.userId()).update();
		jdbc.sql("delete from newsletter_subscriptions where email = :email").param("email", subject.email()).update();
		jdbc.sql("delete from newsletter_consents where email = :email").param("email", subject.email()).update();
	}
}
