package dev.parley.analytics;

import java.time.ZoneOffset;

import dev.parley.ai.GenerationCompleted;
import dev.parley.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every generation's usage as it is reported, after the generation has ended. It listens
 * synchronously, with one insert that commits itself: without the publication registry's extra
 * row, its update, a transaction and a thread per generation (measured in bench/README.md).
 */
@Component
class UsageMeter {

	private final JdbcClient jdbc;

	UsageMeter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(GenerationCompleted generation) {
		jdbc.sql("""
				insert into usage_records (id, user_id, chat_id, model, provider, key_source, prompt_tokens,
					completion_tokens, cost_usd, latency_ms, time_to_first_token_ms, status, created_at, api_key_id, cache_hit)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(Ids.next(), generation.userId(), generation.chatId(), generation.model(), generation.provider(),
					generation.keySource(), generation.promptTokens(), generation.completionTokens(),
					generation.costUsd(), generation.latencyMillis(), generation.timeToFirstTokenMillis(),
					generation.status(), generation.endedAt().atOffset(ZoneOffset.UTC), generation.apiKeyId(),
					generation.cacheHit())
			.update();
	}
}
