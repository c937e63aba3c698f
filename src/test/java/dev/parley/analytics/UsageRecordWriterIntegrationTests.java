package dev.parley.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
		UUID userId = UUID.fromString(api.get("/api/v1/users/me", api.register().accessToken()).json().get("id").asString());
		UsageRecordWriter writer = new UsageRecordWriter(jdbc);
		int callers = 64;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> counts = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < callers; i++) {
				UUID id = Ids.next();
				counts.add(threads.submit(() -> {
					start.await();
					writer.insert(record(id, userId));
					return jdbc.queryForObject("select count(*) from usage_records where id = ?", Long.class, id);
				}));
			}
			start.countDown();
			for (Future<Long> count : counts) {
				assertThat(count.get()).isEqualTo(1);
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from usage_records where user_id = ?", Long.class, userId))
			.isEqualTo(callers);
	}

	@Test
	void aRecordThatCannotBeWrittenFailsAloneInItsBatch() throws Exception {
		UUID userId = UUID.fromString(api.get("/api/v1/users/me", api.register().accessToken()).json().get("id").asString());
		UsageRecordWriter writer = new UsageRecordWriter(jdbc);
		int callers = 32;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> writes = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < callers; i++) {
				// Every fourth record names a user that does not exist (its foreign key fails).
				UUID owner = i % 4 == 0 ? UUID.randomUUID() : userId;
				writes.add(threads.submit(() -> {
					start.await();
					writer.insert(record(Ids.next(), owner));
					return null;
				}));
			}
			start.countDown();
			for (int i = 0; i < callers; i++) {
				Future<?> write = writes.get(i);
				if (i % 4 == 0) {
					assertThatThrownBy(write::get).hasCauseInstanceOf(DataAccessException.class);
				}
				else {
					write.get();
				}
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from usage_records where user_id = ?", Long.class, userId))
			.isEqualTo(callers - callers / 4);
	}

	private static Object[] record(UUID id, UUID userId) {
		return new Object[] { id, userId, null, "local/echo", "local", "server", 3, 5, null, 12L, null, "completed",
				OffsetDateTime.now(ZoneOffset.UTC), null, false };
	}
}
