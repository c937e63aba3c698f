package dev.parley.analytics;

import java.time.ZoneOffset;

import dev.parley.ai.GenerationCompleted;
import dev.parley.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records every generation's usage as it is reported, after the generation has ended. It listens
 * synchronously, with one insert that commits itself: without the publication registry's extra
 * row, its update, a transaction and a thread per generation (measured in bench/README.md). The
 * inserts of generations that end together share one round trip ({@link UsageRecordWriter}).
 */
@Component
class UsageMeter {

	private final UsageRecordWriter writer;

	UsageMeter(JdbcTemplate jdbc) {
		this.writer = new UsageRecordWriter(jdbc);
	}

	@EventListener
	void on(GenerationCompleted generation) {
		writer.insert(new Object[] { Ids.next(), generation.userId(), generation.chatId(), generation.model(),
				generation.provider(), generation.keySource(), generation.promptTokens(), generation.completionTokens(),
				generation.costUsd(), generation.latencyMillis(), generation.timeToFirstTokenMillis(),
				generation.status(), generation.endedAt().atOffset(ZoneOffset.UTC), generation.apiKeyId(),
				generation.cacheHit() });
	}
}
