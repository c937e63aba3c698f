package dev.parley.ai.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.ai.CacheStatus;
import dev.parley.ai.ForwardingObserver;
import dev.parley.ai.Generation;
import dev.parley.ai.GenerationObserver;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.TokenUsage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response cache, in PostgreSQL ({@code response_cache}): answers found by key until they
 * expire, stored with a time to live (the request's or agent's, else {@code PARLEY_CACHE_TTL}, at
 * most {@code PARLEY_CACHE_MAX_TTL}), expired ones swept away. Erasing a user deletes the entries
 * their requests stored (the foreign key cascades).
 */
@Component
public class ResponseCache {

	private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ResponseCacheProperties properties;

	ResponseCache(JdbcClient jdbc, JsonMapper json, Clock clock, ResponseCacheProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/** The answer stored under this key, unless it expired. */
	public Optional<CachedAnswer> find(CacheKey key) {
		return jdbc.sql("""
				select model, kind, response, prompt_tokens, completion_tokens from response_cache
				where key = ? and expires_at > ?""")
			.params(key.value(), clock.instant().atOffset(ZoneOffset.UTC))
			.query((rs, row) -> new CachedAnswer(rs.getString(1), rs.getString(2), rs.getString(3),
					new TokenUsage(rs.getInt(4), rs.getInt(5))))
			.optional();
	}

	/** Stores an answer (replacing an older one under the same key) for its time to live. */
	public void store(CacheKey key, UUID userId, CachedAnswer answer, @Nullable Integer ttlSeconds) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into response_cache (key, scope, user_id, model, kind, response, prompt_tokens,
					completion_tokens, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (key) do update set user_id = excluded.user_id, model = excluded.model,
					kind = excluded.kind, response = excluded.response, prompt_tokens = excluded.prompt_tokens,
					completion_tokens = excluded.completion_tokens, created_at = excluded.created_at,
					expires_at = excluded.expires_at""")
			.params(key.value(), key.scope(), userId, answer.model(), answer.kind(), answer.response(),
					answer.usage().promptTokens(), answer.usage().completionTokens(), now.atOffset(ZoneOffset.UTC),
					now.plus(ttl(ttlSeconds)).atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The time to live of an entry: the one asked for, else the server's default, at most the server's maximum. */
	public Duration ttl(@Nullable Integer ttlSeconds) {
		Duration asked = ttlSeconds == null ? properties.defaultTtl() : Duration.ofSeconds(ttlSeconds);
		return asked.compareTo(properties.maxTtl()) > 0 ? properties.maxTtl() : asked;
	}

	/** The most seconds a request or agent may ask an entry to live. */
	public long maxTtlSeconds() {
		return properties.maxTtl().toSeconds();
	}

	/** A generation's result as stored. */
	public CachedAnswer answerOf(GenerationResult result) {
		String response = json.writeValueAsString(Map.of("model", result.model(), "content", result.content(),
				"finish_reason", result.finishReason()));
		return new CachedAnswer(result.model(), CachedAnswer.GENERATION, response, result.usage());
	}

	/** A stored generation's result, marked as answered from the cache. */
	public GenerationResult resultOf(CachedAnswer answer) {
		JsonNode fields = json.readTree(answer.response());
		return new GenerationResult(fields.get("model").asString(), fields.get("content").asString(),
				fields.get("finish_reason").asString(), answer.usage(), java.util.List.of(), true);
	}

	/**
	 * Wraps the observer of a generation that was not found in the cache: a whole text answer (no
	 * tool call) is stored before the observer hears it, so that the caller's next identical request
	 * finds it. A store that fails is logged; the answer still reaches the observer.
	 */
	public GenerationObserver storing(CacheKey key, @Nullable UUID userId, @Nullable Integer ttlSeconds,
			GenerationObserver observer) {
		return new ForwardingObserver(observer) {

			@Override
			public void onComplete(GenerationResult result) {
				if (userId != null && result.toolCalls().isEmpty() && !"tool_calls".equals(result.finishReason())) {
					try {
						store(key, userId, answerOf(result), ttlSeconds);
					}
					catch (RuntimeException ex) {
						log.warn("An answer was not stored in the response cache", ex);
					}
				}
				super.onComplete(result);
			}
		};
	}

	/**
	 * Replays a stored answer to a (metered) observer: its text as one delta, then its result, on a
	 * thread of its own as a provider's answer would come. There is nothing to cancel.
	 */
	public Generation replay(CachedAnswer answer, GenerationObserver observer) {
		GenerationResult result = resultOf(answer);
		Thread.ofVirtual().name("cache-replay").start(() -> {
			if (!result.content().isEmpty()) {
				observer.onDelta(result.content());
			}
			observer.onComplete(result);
		});
		return new Generation() {

			@Override
			public void cancel() {
			}

			@Override
			public CacheStatus cacheStatus() {
				return CacheStatus.HIT;
			}
		};
	}

	/** Deletes the entries that expired. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${parley.ai.cache.sweep-interval:PT5M}")
	public int sweep() {
		return jdbc.sql("delete from response_cache where expires_at <= ?")
			.param(clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}
}
