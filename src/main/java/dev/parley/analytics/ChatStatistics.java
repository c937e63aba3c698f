package dev.parley.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chat statistics over a time range: chats started and messages posted (from the server's
 * analytics events), replies with their tokens, cost and speed (from the usage records), in total,
 * by model and by day (UTC).
 */
@Component
class ChatStatistics {

	private static final String DAY = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD')";

	private final JdbcClient jdbc;

	ChatStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param userId whose chats, or {@code null} for everyone's */
	Stats of(@Nullable UUID userId, Instant from, Instant to) {
		Map<String, Long> chatsByDay = countsByDay(userId, "chat.created", from, to);
		Map<String, Long> messagesByDay = countsByDay(userId, "message.posted", from, to);
		List<Replies> byModel = replies("model", userId, from, to);
		List<Replies> repliesByDay = replies(DAY.formatted("created_at"), userId, from, to);
		Replies total = replies("'total'", userId, from, to).stream().findFirst().orElse(Replies.none("total"));
		TreeMap<String, Day> days = new TreeMap<>();
		chatsByDay.forEach((day, chats) -> days.merge(day, new Day(day, chats, 0, Replies.none(day)), Day::plus));
		messagesByDay.forEach((day, messages) -> days.merge(day, new Day(day, 0, messages, Replies.none(day)), Day::plus));
		repliesByDay.forEach(replies -> days.merge(replies.key(), new Day(replies.key(), 0, 0, replies), Day::plus));
		return new Stats(sum(chatsByDay), sum(messagesByDay), total, byModel, List.copyOf(days.values()));
	}

	private Map<String, Long> countsByDay(@Nullable UUID userId, String name, Instant from, Instant to) {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql("""
				select %s as day, count(*) as n from analytics_events
				where (cast(:userId as uuid) is null or user_id = :userId) and name = :name and source = 'server'
				  and occurred_at >= :from and occurred_at < :to
				group by 1""".formatted(DAY.formatted("occurred_at")))
			.param("userId", userId)
			.param("name", name)
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((row, rowNumber) -> counts.put(row.getString("day"), row.getLong("n")))
			.list();
		return counts;
	}

	private List<Replies> replies(String key, @Nullable UUID userId, Instant from, Instant to) {
		return jdbc.sql("""
				select %s as key, count(*) as replies,
					count(*) filter (where status = 'failed') as failed,
					coalesce(sum(prompt_tokens), 0) as prompt_tokens,
					coalesce(sum(completion_tokens), 0) as completion_tokens,
					coalesce(sum(cost_usd), 0) as cost_usd,
					avg(latency_ms) filter (where status = 'completed') as latency_ms,
					avg(time_to_first_token_ms) filter (where status = 'completed') as ttft_ms
				from usage_records
				where chat_id is not null and (cast(:userId as uuid) is null or user_id = :userId)
				  and created_at >= :from and created_at < :to
				group by 1 order by 1""".formatted(key))
			.param("userId", userId)
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query(ChatStatistics::replies)
			.list();
	}

	private static Replies replies(ResultSet row, int rowNumber) throws SQLException {
		return new Replies(row.getString("key"), row.getLong("replies"), row.getLong("failed"),
				row.getLong("prompt_tokens"), row.getLong("completion_tokens"),
				row.getBigDecimal("cost_usd").stripTrailingZeros(), average(row, "latency_ms"), average(row, "ttft_ms"));
	}

	private static @Nullable Long average(ResultSet row, String column) throws SQLException {
		BigDecimal value = row.getBigDecimal(column);
		return value == null ? null : value.longValue();
	}

	private static long sum(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The statistics of a range. */
	record Stats(long chats, long messages, Replies replies, List<Replies> byModel, List<Day> byDay) {
	}

	/**
	 * Model replies in chats: how many (and how many failed), their tokens and cost, and the average
	 * latency and time to first token of those that completed ({@code null} when none did).
	 */
	record Replies(String key, long replies, long failed, long promptTokens, long completionTokens, BigDecimal costUsd,
			@Nullable Long averageLatencyMs, @Nullable Long averageTimeToFirstTokenMs) {

		static Replies none(String key) {
			return new Replies(key, 0, 0, 0, 0, BigDecimal.ZERO, null, null);
		}
	}

	/** One UTC day: chats started, messages posted, and the replies. */
	record Day(String day, long chats, long messages, Replies replies) {

		Day plus(Day other) {
			return new Day(day, chats + other.chats, messages + other.messages,
					other.replies.replies() > 0 ? other.replies : replies);
		}
	}
}
