package dev.parley.catalog.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The speed measurement of recommendations (not a test of behaviour; skipped unless
 * {@code -Dparley.recommendation.bench=true}): 10,000 products in 50 categories and 1,000,000 swipes
 * of 10,000 people (100 each) are generated into the test database in SQL, the model is refreshed
 * once (similarities recomputed and stored: timed), then one person's recommendations are timed
 * for random people: {@link Recommendations#rank} (their signals read, the ranking) and the whole
 * feed (products read, the set stored). It prints the percentiles; {@code bench/run.sh} runs it as
 * scenario 7.
 *
 * <pre>./mvnw -B -o test -Dtest=RecommendationSpeedBenchmark -Dparley.recommendation.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "parley.recommendation.bench", matches = "true")
class RecommendationSpeedBenchmark {

	/** The sizes; bench/run.sh --smoke passes small ones to check the plumbing only. */
	static final int PRODUCTS = Integer.getInteger("parley.recommendation.bench.products", 10_000);

	static final int PEOPLE = Integer.getInteger("parley.recommendation.bench.people", 10_000);

	static final int SWIPES_EACH = 100;

	static final int WARM_UP = 300;

	static final int CALLS = 2_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecommenderModels models;

	@Autowired
	Recommendations recommendations;

	@Test
	void oneUsersRecommendationsWith10kProductsAnd1mSwipes() {
		long started = System.nanoTime();
		generate();
		long generated = System.nanoTime();
		RecommenderModels.Snapshot snapshot = models.refresh();
		long refreshed = System.nanoTime();
		long pairs = jdbc.sql("select count(*) from item_similarity").query(Long.class).single();
		System.out.printf(Locale.ROOT, "Generated %d products, %d swipes in %d ms; refresh (read, compute, store %d pairs) %d ms%n",
				snapshot.model().size(), jdbc.sql("select count(*) from swipes").query(Long.class).single(),
				(generated - started) / 1_000_000, pairs, (refreshed - generated) / 1_000_000);
		List<UUID> people = jdbc.sql("select id from users where email like 'bench-%'").query(UUID.class).list();
		Random random = new Random(1);
		Recommendations.Ask ask = new Recommendations.Ask(null, null, null, null, 10);
		for (int i = 0; i < WARM_UP; i++) {
			recommendations.rank(people.get(random.nextInt(people.size())), ask, 10);
		}
		long[] rank = new long[CALLS];
		for (int i = 0; i < CALLS; i++) {
			UUID person = people.get(random.nextInt(people.size()));
			long t = System.nanoTime();
			assertThat(recommendations.rank(person, ask, 10)).hasSize(10);
			rank[i] = System.nanoTime() - t;
		}
		long[] feed = new long[CALLS / 4];
		for (int i = 0; i < feed.length; i++) {
			UUID person = people.get(random.nextInt(people.size()));
			long t = System.nanoTime();
			recommendations.feed(person, ask);
			feed[i] = System.nanoTime() - t;
		}
		report("rank (signals read + ranking)", rank);
		report("feed (+ products read, set stored)", feed);
	}

	static void report(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%-36s n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", name,
				sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
				sorted[sorted.length - 1] / 1e6);
	}

	static double percentile(long[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

	private void generate() {
		jdbc.sql("""
				insert into categories (id, parent_id, name, created_at, updated_at, version)
				select ('00000000-0000-7000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, null, 'Bench ' || c, now(), now(), 0
				from generate_series(1, 50) c""").update();
		jdbc.sql("""
				insert into products (id, name, price_amount, price_currency, category_id, tags, attributes, popularity,
				                      created_at, updated_at, version)
				select ('00000000-0000-7001-8000-' || lpad(to_hex(p), 12, '0'))::uuid, 'Bench product ' || p,
				       (5 + (p * 37) % 300)::numeric, 'EUR',
				       ('00000000-0000-7000-8000-' || lpad(to_hex(1 + p % 50), 12, '0'))::uuid,
				       array['tag' || (p % 200), 'tag' || ((p * 7) % 200), 'tag' || ((p * 13) % 200)],
				       jsonb_build_object('colour', 'c' || (p % 8)), (p * 17) % 100, now(), now(), 0
				from generate_series(0, :n - 1) p""").param("n", PRODUCTS).update();
		jdbc.sql("""
				insert into users (id, email, password_hash, role, created_at, updated_at, version)
				select ('00000000-0000-7002-8000-' || lpad(to_hex(u), 12, '0'))::uuid, 'bench-' || u || '@example.com',
				       'x', 'USER', now(), now(), 0
				from generate_series(0, :n - 1) u""").param("n", PEOPLE).update();
		jdbc.sql("""
				insert into swipe_sessions (id, user_id, created_at)
				select ('00000000-0000-7003-8000-' || lpad(to_hex(u), 12, '0'))::uuid,
				       ('00000000-0000-7002-8000-' || lpad(to_hex(u), 12, '0'))::uuid, now()
				from generate_series(0, :n - 1) u""").param("n", PEOPLE).update();
		// Each person swipes 100 distinct products around a taste of their own: a home category
		// (products u % 50 + 50 k) half the time, anywhere else otherwise.
		jdbc.sql("""
				insert into swipes (session_id, product_id, user_id, direction, created_at, updated_at)
				select ('00000000-0000-7003-8000-' || lpad(to_hex(u), 12, '0'))::uuid,
				       ('00000000-0000-7001-8000-' || lpad(to_hex(
				           case when k % 2 = 0 then (u % 50 + 50 * ((u * 31 + k * 7) % 200)) % :products
				                else (u * 7919 + k * 104729) % :products end), 12, '0'))::uuid,
				       ('00000000-0000-7002-8000-' || lpad(to_hex(u), 12, '0'))::uuid,
				       case when k % 2 = 0 and k % 6 <> 4 then 'like' when k % 7 = 1 then 'superlike'
				            when k % 5 = 1 then 'dislike' else 'skip' end,
				       now() - make_interval(secs => k), now() - make_interval(secs => k)
				from generate_series(0, :people - 1) u, generate_series(0, :each - 1) k
				on conflict do nothing""")
			.param("products", PRODUCTS)
			.param("people", PEOPLE)
			.param("each", SWIPES_EACH)
			.update();
		jdbc.sql("analyze").update();
	}

}
