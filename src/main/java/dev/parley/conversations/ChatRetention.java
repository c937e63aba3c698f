package dev.parley.conversations;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: chats that are not archived and have had no activity for longer than the user's
 * retention (or the server's, {@code PARLEY_RETENTION_DAYS}; the shorter when both are set) are
 * deleted by a sweeper every hour, with their messages, as a user's delete would (each publishes
 * {@link ChatDeleted}). Archived chats are kept. Usage records are not chats: they stay.
 */
@Service
public class ChatRetention {

	private static final Logger log = LoggerFactory.getLogger(ChatRetention.class);

	static final int MAX_DAYS = 36500;

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int serverDays;

	ChatRetention(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${parley.conversations.retention-days:0}") int serverDays) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.serverDays = serverDays;
	}

	/** The server's retention in days; 0 keeps chats for ever. */
	public int serverDays() {
		return serverDays;
	}

	/** The user's own retention in days, or {@code null} when they set none. */
	public @Nullable Integer userDays(UUID userId) {
		return jdbc.sql("select days from chat_retention_settings where user_id = :userId")
			.param("userId", userId)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	/** Sets (or, with {@code null}, clears) the user's retention. */
	public void setUserDays(UUID userId, @Nullable Integer days) {
		if (days == null) {
			jdbc.sql("delete from chat_retention_settings where user_id = :userId").param("userId", userId).update();
			return;
		}
		if (days < 1 || days > MAX_DAYS) {
			throw InvalidFields.of("days", "must be between 1 and " + MAX_DAYS + ", or null to follow the server");
		}
		jdbc.sql("""
				insert into chat_retention_settings (user_id, days) values (:userId, :days)
				on conflict (user_id) do update set days = excluded.days""")
			.param("userId", userId)
			.param("days", days)
			.update();
	}

	@Scheduled(initialDelay = 60_000, fixedDelayString = "${parley.conversations.retention-sweep-interval:1h}")
	void sweep() {
		int deleted;
		do {
			deleted = sweepBatch();
		}
		while (deleted == BATCH);
	}

	/** Deletes up to one batch of expired chats in one transaction; @return how many */
	int sweepBatch() {
		Integer count = transactions.execute(status -> {
			List<Expired> expired = jdbc.sql("""
					delete from chats where id in (
					    select c.id from chats c left join chat_retention_settings r on r.user_id = c.user_id
					    where not c.archived and (r.days is not null or :serverDays > 0)
					      and c.activity_at < cast(:now as timestamptz) - make_interval(days =>
					          case when r.days is null then :serverDays
					               when :serverDays > 0 then least(r.days, :serverDays) else r.days end)
					    limit :batch for update of c skip locked)
					returning id, user_id""")
				.param("serverDays", serverDays)
				.param("now", clock.instant().atOffset(ZoneOffset.UTC))
				.param("batch", BATCH)
				.query((row, n) -> new Expired(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class)))
				.list();
			expired.forEach(chat -> events.publishEvent(new ChatDeleted(chat.id(), chat.userId())));
			return expired.size();
		});
		int deleted = count == null ? 0 : count;
		if (deleted > 0) {
			log.info("Retention deleted {} chats", deleted);
		}
		return deleted;
	}

	private record Expired(UUID id, UUID userId) {
	}
}
