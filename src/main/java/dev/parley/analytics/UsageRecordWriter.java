package dev.parley.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts usage records with group commit: a record waits while another batch is being written,
 * and then goes out with every record that arrived meanwhile, as one JDBC batch (one round trip).
 * Each caller returns once its own record is written (or throws what the write threw), so a
 * record is as durable when {@link #insert} returns as with an insert of its own; under load the
 * round trips, and their share of the CPU, are divided by the batch size (bench/README.md,
 * scenario 8). Nothing is held back for a timer: a record alone is written at once.
 */
final class UsageRecordWriter {

	static final String INSERT = """
			insert into usage_records (id, user_id, chat_id, model, provider, key_source, prompt_tokens,
				completion_tokens, cost_usd, latency_ms, time_to_first_token_ms, status, created_at, api_key_id, cache_hit)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private static final int MAX_BATCH = 256;

	private final JdbcTemplate jdbc;

	private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final ReentrantLock writing = new ReentrantLock();

	UsageRecordWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the record (the {@link #INSERT} parameters), with any others waiting at the time. */
	void insert(Object[] record) {
		Pending mine = new Pending(record);
		queue.add(mine);
		writing.lock();
		try {
			while (!mine.written) {
				writeBatch();
			}
		}
		finally {
			writing.unlock();
		}
		if (mine.failure != null) {
			throw mine.failure;
		}
	}

	/** Under the lock: takes what is queued (the caller's own record among it) and writes it. */
	private void writeBatch() {
		List<Pending> batch = new ArrayList<>();
		Pending next;
		while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
			batch.add(next);
		}
		if (batch.size() > 1) {
			try {
				jdbc.batchUpdate(INSERT, batch.stream().map(Pending::record).toList());
				batch.forEach(pending -> pending.written = true);
				return;
			}
			catch (RuntimeException ex) {
				// One bad record (its user just erased, say) must not take the others with it: each on its own.
			}
		}
		for (Pending pending : batch) {
			try {
				jdbc.update(INSERT, pending.record);
			}
			catch (RuntimeException ex) {
				pending.failure = ex;
			}
			pending.written = true;
		}
	}

	/** A record and, once its batch was written, how that went; read and written under the lock. */
	private static final class Pending {

		private final Object[] record;

		private boolean written;

		private @Nullable RuntimeException failure;

		Pending(Object[] record) {
			this.record = record;
		}

		Object[] record() {
			return record;
		}
	}
}
