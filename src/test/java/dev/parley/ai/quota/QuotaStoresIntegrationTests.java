package dev.parley.ai.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Both quota stores, against the real PostgreSQL and a real Redis: reservations racing for the
 * last of a limit never overbook it, a settlement replaces the estimate by the actual usage, a
 * hold that was never settled lapses, and one user's many turns reserving and settling at once on
 * the same counters all get through (PostgreSQL: no deadlock, no lock held past the function).
 */
@IntegrationTest
class QuotaStoresIntegrationTests {

	private static LettuceConnectionFactory redisConnections;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterAll
	static void closeRedis() {
		if (redisConnections != null) {
			redisConnections.destroy();
		}
	}

	@Test
	void postgresNeverOverbooksUnderConcurrentReservations() throws Exception {
		neverOverbooks(new PostgresQuotaStore(jdbc, transactions, Clock.systemUTC()));
	}

	@Test
	void redisNeverOverbooksUnderConcurrentReservations() throws Exception {
		neverOverbooks(redis());
	}

	@Test
	void postgresSettlesActualUsageAndLetsUnsettledHoldsLapse() {
		settlesAndLapses(new PostgresQuotaStore(jdbc, transactions, Clock.systemUTC()));
	}

	@Test
	void redisSettlesActualUsageAndLetsUnsettledHoldsLapse() {
		settlesAndLapses(redis());
	}

	@Test
	void postgresSettlesWhileOthersReserveOnTheSameCountersWithoutDeadlocks() throws Exception {
		reservesAndSettlesConcurrently(new PostgresQuotaStore(jdbc, transactions, Clock.systemUTC()));
	}

	@Test
	void redisSettlesWhileOthersReserveOnTheSameCountersWithoutDeadlocks() throws Exception {
		reservesAndSettlesConcurrently(redis());
	}

	@Test
	void aPostgresReservationInsideACallersTransactionDoesNotLockTheCountersUntilItEnds() {
		PostgresQuotaStore store = new PostgresQuotaStore(jdbc, transactions, Clock.systemUTC());
		List<QuotaCounter> counters = List.of(counter(1000L, null));
		Instant now = Instant.now();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(store.reserve(UUID.randomUUID(), counters, 100, 0, now, now.plusSeconds(60))).isEmpty();
			// Another turn's reservation on the same counter does not wait for the caller's transaction.
			CompletableFuture<List<String>> other = CompletableFuture
				.supplyAsync(() -> store.reserve(UUID.randomUUID(), counters, 100, 0, now, now.plusSeconds(60)));
			assertThat(other).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(List.of());
		});
	}

	@Test
	void thePostgresSweepGivesBackHoldsThatLapsedOnCountersNoOneReservesOnAnyMore() {
		List<QuotaCounter> counters = List.of(counter(1000L, null));
		String key = counters.getFirst().key();
		Instant now = Instant.now();
		PostgresQuotaStore store = new PostgresQuotaStore(jdbc, transactions, Clock.systemUTC());
		assertThat(store.reserve(UUID.randomUUID(), counters, 700, 0, now, now.plusSeconds(60))).isEmpty();
		UUID settledLater = UUID.randomUUID();
		assertThat(store.reserve(settledLater, counters, 200, 0, now, now.plusSeconds(600))).isEmpty();

		new PostgresQuotaStore(jdbc, transactions, Clock.fixed(now.plusSeconds(120), java.time.ZoneOffset.UTC)).sweep();

		// The lapsed hold is gone from the counter's own totals, the live one is still held.
		assertThat(jdbc.sql("select held_tokens from quota_counters where key = :key").param("key", key)
			.query(Long.class).single()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from quota_holds where counter_key = :key").param("key", key)
			.query(Long.class).single()).isEqualTo(1);
		store.settle(settledLater, counters, 150, 0);
		assertThat(store.usage(counters, now).get(key)).isEqualTo(new QuotaStore.CounterUsage(150, 0, 2, 0, 0));
	}

	/**
	 * One heavy user: turns on many connections reserve and settle on the same day, month and minute
	 * counters at once. Every one is admitted and settled (none fails for a lock), and the counters
	 * end exact.
	 */
	private static void reservesAndSettlesConcurrently(QuotaStore store) throws Exception {
		String user = "{" + UUID.randomUUID() + "}:user:";
		Instant now = Instant.now();
		Instant tomorrow = now.plus(Duration.ofDays(1));
		List<QuotaCounter> counters = List.of(
				new QuotaCounter(user + "d2026-12-01", 1_000_000L, 1_000_000L, null, "user:tokens_per_day",
						"user:usd_per_day", null, tomorrow),
				new QuotaCounter(user + "m2026-12", 1_000_000L, null, null, "user:tokens_per_month", null, null, tomorrow),
				new QuotaCounter(user + "n2026-12-01T00:00", null, null, 1_000_000L, null, null,
						"user:requests_per_minute", tomorrow));
		// The month's counter is made first, so that in PostgreSQL its row lies before the day's: a
		// statement that locks rows in the order they lie on disk then takes them in the other order.
		UUID first = UUID.randomUUID();
		assertThat(store.reserve(first, List.of(counters.get(1)), 0, 0, now, now.plusSeconds(60))).isEmpty();
		store.settle(first, List.of(counters.get(1)), 0, 0);
		int turns = 400;
		List<Callable<List<String>>> attempts = new ArrayList<>();
		for (int i = 0; i < turns; i++) {
			attempts.add(() -> {
				UUID hold = UUID.randomUUID();
				List<String> violated = store.reserve(hold, counters, 100, 50, now, now.plusSeconds(60));
				store.settle(hold, counters, 30, 20);
				return violated;
			});
		}
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (Future<List<String>> attempt : threads.invokeAll(attempts)) {
				assertThat(attempt.get()).isEmpty();
			}
		}
		java.util.Map<String, QuotaStore.CounterUsage> usage = store.usage(counters, now);
		assertThat(usage.get(counters.get(0).key())).isEqualTo(new QuotaStore.CounterUsage(30L * turns, 20L * turns, turns, 0, 0));
		assertThat(usage.get(counters.get(1).key())).isEqualTo(new QuotaStore.CounterUsage(30L * turns, 20L * turns, turns + 1, 0, 0));
		assertThat(usage.get(counters.get(2).key()).requests()).isEqualTo(turns);
	}

	private static void neverOverbooks(QuotaStore store) throws Exception {
		List<QuotaCounter> counters = List.of(counter(1000L, null));
		Instant now = Instant.now();
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			attempts.add(() -> store.reserve(UUID.randomUUID(), counters, 100, 0, now, now.plusSeconds(60)).isEmpty());
		}
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			long granted = 0;
			for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
				granted += attempt.get() ? 1 : 0;
			}
			assertThat(granted).isEqualTo(10);
		}
		assertThat(store.usage(counters, now).get(counters.getFirst().key()).heldTokens()).isEqualTo(1000);
	}

	private static void settlesAndLapses(QuotaStore store) {
		List<QuotaCounter> counters = List.of(counter(1000L, 5L));
		String key = counters.getFirst().key();
		Instant now = Instant.now();
		UUID settled = UUID.randomUUID();
		assertThat(store.reserve(settled, counters, 600, 10, now, now.plusSeconds(60))).isEmpty();
		assertThat(store.reserve(UUID.randomUUID(), counters, 600, 10, now, now.plusSeconds(60)))
			.containsExactly("user:tokens_per_day");

		store.settle(settled, counters, 42, 7);

		java.util.Map<String, QuotaStore.CounterUsage> usage = store.usage(counters, now);
		assertThat(usage.get(key)).isEqualTo(new QuotaStore.CounterUsage(42, 7, 1, 0, 0));
		// A hold its node never settled: a minute after it lapsed, the whole limit is there again.
		UUID crashed = UUID.randomUUID();
		assertThat(store.reserve(crashed, counters, 900, 0, now, now.plusSeconds(60))).isEmpty();
		assertThat(store.reserve(UUID.randomUUID(), counters, 900, 0, now, now.plusSeconds(60)))
			.containsExactly("user:tokens_per_day");
		Instant later = now.plus(Duration.ofMinutes(2));
		assertThat(store.usage(counters, later).get(key).heldTokens()).isZero();
		assertThat(store.reserve(UUID.randomUUID(), counters, 900, 0, later, later.plusSeconds(60))).isEmpty();
	}

	private static QuotaCounter counter(Long tokensLimit, Long requestsLimit) {
		return new QuotaCounter("{" + UUID.randomUUID() + "}:user:d2026-12-01", tokensLimit, null, requestsLimit,
				"user:tokens_per_day", null, "user:requests_per_minute", Instant.now().plus(Duration.ofDays(1)));
	}

	private static synchronized QuotaStore redis() {
		if (redisConnections == null) {
			java.net.URI url = java.net.URI.create(TestRedis.url());
			redisConnections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
			redisConnections.afterPropertiesSet();
			redisConnections.start();
		}
		return new RedisQuotaStore(new StringRedisTemplate(redisConnections));
	}
}
