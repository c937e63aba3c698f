package dev.parley.analytics;

import java.io.IOException;

import dev.parley.platform.PersonalData;
import dev.parley.platform.PersonalDataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Usage records, analytics events and webhook endpoints (without their secrets) with their
 * deliveries. On erasure the usage is folded into anonymous totals per day, model and provider
 * before the records go with the user.
 */
@Component
class AnalyticsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AnalyticsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void export(Subject subject, ExportSink sink) throws IOException {
		sink.jsonLines("usage", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from usage_records t where user_id = :subject order by created_at, id",
				subject.userId()));
		sink.jsonLines("analytics_events", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from analytics_events t where user_id = :subject order by occurred_at, id",
				subject.userId()));
		sink.jsonLines("webhooks", PersonalDataRows.of(jdbc, """
				select (to_jsonb(t) - array['secret_ciphertext', 'secret_nonce', 'secret_key_id'])::text
				from webhook_endpoints t where user_id = :subject order by created_at, id""", subject.userId()));
		sink.jsonLines("webhook_deliveries", PersonalDataRows.of(jdbc, """
				select to_jsonb(d)::text from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
				where e.user_id = :subject order by d.created_at, d.id""", subject.userId()));
		sink.jsonLines("exports", PersonalDataRows.of(jdbc,
				"select to_jsonb(t)::text from data_exports t where user_id = :subject order by created_at",
				subject.userId()));
	}

	@Override
	public void erase(Subject subject) {
		jdbc.sql("""
				insert into usage_aggregates (day, model, provider, requests, prompt_tokens, completion_tokens, cost_usd)
				select (created_at at time zone 'UTC')::date, model, provider, count(*), sum(prompt_tokens),
				       sum(completion_tokens), coalesce(sum(cost_usd), 0)
				from usage_records where user_id = :id group by 1, 2, 3
				on conflict (day, model, provider) do update set
				    requests = usage_aggregates.requests + excluded.requests,
				    prompt_tokens = usage_aggregates.prompt_tokens + excluded.prompt_tokens,
				    completion_tokens = usage_aggregates.completion_tokens + excluded.completion_tokens,
				    cost_usd = usage_aggregates.cost_usd + excluded.cost_usd""")
			.param("id", subject.userId())
			.update();
	}
}
