package dev.parley.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.parley.platform.Ids;
import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Usage records written together: each caller's own record is written when it returns, and only its own failure is its. */
@IntegrationTest
class UsageRecordWriterIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void writesEveryRecordOfConcurrentCallersBeforeTheyReturn() throws Exception {
		UUID userId = registeredUser();
		UsageRecordWriter writer = new UsageRecordWriter(jdbc);
		int callers = 64;
		List<Future<Long>> counts = startedTogether(callers, i -> {
			UUID id = Ids.next();
			return () -> {
				writer.insert(record(id, userId));
				return jdbc.queryForObject("select count(*) from usage_records where id = ?", Long.class, id);
			};
		});
		for (Future<Long> count : counts) {
			assertThat(count.get()).isEqualTo(1);
		}
		assertThat(jdbc.queryForObject("select count(*) from usage_records where user_id = ?", Long.class, userId))
			.isEqualTo(callers);
	}

	@Test
	void aRecordThatCannotBeWrittenFailsAloneInItsBatch() throws Exception {
		UUID userId = registeredUser();
		UsageRecordWriter writer = new UsageRecordWriter(jdbc);
		int callers = 32;
		List<Future<Void>> writes = startedTogether(callers, i -> {
			// Every fourth record names a user that does not exist (its foreign key fails).
			UUID owner = i % 4 == 0 ? UUID.randomUUID() : userId;
			return () -> {
				writer.insert(record(Ids.next(), owner));
				return null;
			};
		});
		for (int i = 0; i < callers; i++) {
			Future<Void> write = writes.get(i);
			if (i % 4 == 0) {
				assertThatThrownBy(write::get).hasCauseInstanceOf(DataAccessException.class);
			}
			else {
				write.get();
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from usage_records where user_id = ?", Long.class, userId))
			.isEqualTo(callers - callers / 4);
	}

	private UUID registeredUser() {
		return UUID.fromString(api.get("/api/v1/users/me", api.register().accessToken()).json().get("id").asString());
	}

	/**
	 * Runs one task per caller, each on a virtual thread of its own, all released at once; returns
	 * once every task has ended, with their results in caller order.
	 */
	private static <T> List<Future<T>> startedTogether(int callers, IntFunction<Callable<T>> task) {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> results = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < callers; i++) {
				Callable<T> work = task.apply(i);
				results.add(threads.submit(() -> {
					start.await();
					return work.call();
				}));
			}
			start.countDown();
		}
		return results;
	}

	private static Object[] record(UUID id, UUID userId) {
		return new Object[] { id, userId, null, "local/echo", "local", "server", 3, 5, null, 12L, null, "completed",
				OffsetDateTime.now(ZoneOffset.UTC), null, false };
	}
}
