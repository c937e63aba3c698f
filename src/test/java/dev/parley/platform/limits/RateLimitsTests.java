package dev.parley.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import dev.parley.platform.limits.RateLimitPolicy.OnOutage;
import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

	private final RateLimitPolicy threePerMinute = new RateLimitPolicy("tests", 3, Duration.ofMinutes(1),
			OnOutage.REFUSE, "Slow down.");

	private final RateLimits limits = RateLimits.inProcess();

	@Test
	void takesUntilTheBucketIsEmptyAndThenNothing() {
		assertThat(limits.consume(threePerMinute, "k").remaining()).isEqualTo(2);
		assertThat(limits.consume(threePerMinute, "k", 2).remaining()).isZero();

		assertThatThrownBy(() -> limits.consume(threePerMinute, "k")).isInstanceOfSatisfying(RateLimitExceeded.class,
				refused -> {
					assertThat(refused.getMessage()).isEqualTo("Slow down.");
					assertThat(refused.retryAfter().orElseThrow()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(20));
					assertThat(refused.headerFields()).containsEntry("RateLimit-Policy", "\"tests\";q=3;w=60");
					assertThat(refused.headerFields().get("RateLimit")).matches("\"tests\";r=0;t=(59|60)");
				});
		assertThat(limits.consume(threePerMinute, "another key").remaining()).isEqualTo(2);
	}

	@Test
	void givesBackAndForgets() {
		limits.consume(threePerMinute, "k", 3);
		limits.giveBack(threePerMinute, "k", 1);
		assertThat(limits.consume(threePerMinute, "k").remaining()).isZero();

		limits.forget(threePerMinute, "k");
		assertThat(limits.consume(threePerMinute, "k").remaining()).isEqualTo(2);
	}

	@Test
	void aRequestLargerThanTheCapacityWaitsForAFullBucket() {
		assertThat(limits.consume(threePerMinute, "big", 50).remaining()).isZero();
	}

	@Test
	void aChangedPolicyIsANewBucket() {
		limits.consume(threePerMinute, "k", 3);
		RateLimitPolicy roomier = new RateLimitPolicy("tests", 5, Duration.ofMinutes(1), OnOutage.REFUSE, "Slow down.");
		assertThat(limits.consume(roomier, "k").remaining()).isEqualTo(4);
	}

	@Test
	void writesOneListItemPerPolicy() {
		RateLimitPolicy hourly = new RateLimitPolicy("hourly", 100, Duration.ofHours(1), OnOutage.COUNT_LOCALLY, "x");
		assertThat(RateLimitHeaders.of(List.of(new RateLimitState(threePerMinute, 2, 20), new RateLimitState(hourly, 7, 3000))))
			.containsEntry("RateLimit-Policy", "\"tests\";q=3;w=60, \"hourly\";q=100;w=3600")
			.containsEntry("RateLimit", "\"tests\";r=2;t=20, \"hourly\";r=7;t=3000");
		assertThat(RateLimitHeaders.of(List.of())).isEmpty();
	}

	@Test
	void whileTheSharedStoreIsAwayGenerationIsRefusedAndOtherLimitsCountLocally() {
		BucketStore away = (policy, key) -> {
			throw new IllegalStateException("Redis is away");
		};
		RateLimits degraded = new RateLimits(new LimitsProperties(30, 10, 20, 120, Duration.ofMinutes(1), 100,
				Duration.ofMillis(250), Duration.ofSeconds(1)), new StaticProvider(away));
		RateLimitPolicy signIn = new RateLimitPolicy("sign-in", 1, Duration.ofMinutes(1), OnOutage.COUNT_LOCALLY, "x");

		assertThatThrownBy(() -> degraded.consume(threePerMinute, "k")).isInstanceOf(RateLimitsUnavailable.class);
		assertThat(degraded.consume(signIn, "k").remaining()).isZero();
		assertThatThrownBy(() -> degraded.consume(signIn, "k")).isInstanceOf(RateLimitExceeded.class);
	}

	@Test
	void usesTheSharedStoreWhileItAnswers() {
		LocalBuckets shared = new LocalBuckets(100);
		RateLimits first = new RateLimits(new LimitsProperties(30, 10, 20, 120, Duration.ofMinutes(1), 100,
				Duration.ofMillis(250), Duration.ofSeconds(1)), new StaticProvider(shared));
		RateLimits second = new RateLimits(new LimitsProperties(30, 10, 20, 120, Duration.ofMinutes(1), 100,
				Duration.ofMillis(250), Duration.ofSeconds(1)), new StaticProvider(shared));
		first.consume(threePerMinute, "k", 3);
		assertThatThrownBy(() -> second.consume(threePerMinute, "k")).isInstanceOf(RateLimitExceeded.class);
		Bucket bucket = shared.bucket(threePerMinute, "k");
		assertThat(bucket.getAvailableTokens()).isZero();
	}

	/** An {@code ObjectProvider} of one store, as Spring gives it when a Redis store bean exists. */
	private record StaticProvider(BucketStore store) implements org.springframework.beans.factory.ObjectProvider<BucketStore> {

		@Override
		public BucketStore getObject() {
			return store;
		}

		@Override
		public BucketStore getObject(Object... args) {
			return store;
		}

		@Override
		public BucketStore getIfAvailable() {
			return store;
		}

		@Override
		public BucketStore getIfUnique() {
			return store;
		}
	}
}
