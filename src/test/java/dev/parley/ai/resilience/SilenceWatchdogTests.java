package dev.parley.ai.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SilenceWatchdogTests {

	private final SilenceWatchdog silences = new SilenceWatchdog(Duration.ofMillis(200));

	@Test
	void aStreamThatKeepsTalkingEndsAsItEnds() {
		Flux<Long> steady = Flux.interval(Duration.ofMillis(50)).take(10);

		List<Long> items = silences.watch(steady, Duration.ofMillis(200), Duration.ofMillis(200))
			.collectList()
			.block(Duration.ofSeconds(5));

		assertThat(items).hasSize(10);
		assertThat(silences.watching()).isZero();
	}

	@Test
	void aSilentStartFailsAfterTheFirstLimit() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<String> silent = Flux.<String>never().doOnCancel(() -> cancelled.set(true));
		long start = System.nanoTime();

		assertThatThrownBy(() -> silences.watch(silent, Duration.ofMillis(200), Duration.ofSeconds(30))
			.blockLast(Duration.ofSeconds(5))).hasCauseInstanceOf(TimeoutException.class);

		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		assertThat(waited).isBetween(Duration.ofMillis(200), Duration.ofMillis(200).plus(silences.tick()).plusMillis(500));
		assertThat(cancelled).isTrue();
		assertThat(silences.watching()).isZero();
	}

	@Test
	void aStreamThatFallsSilentFailsAfterTheNextLimitWithWhatItSaidPassedOn() {
		Flux<String> stalls = Flux.just("a", "b").concatWith(Flux.never());
		List<String> seen = new CopyOnWriteArrayList<>();

		assertThatThrownBy(() -> silences.watch(stalls, Duration.ofSeconds(30), Duration.ofMillis(200))
			.doOnNext(seen::add)
			.blockLast(Duration.ofSeconds(5))).hasCauseInstanceOf(TimeoutException.class);

		assertThat(seen).containsExactly("a", "b");
	}

	@Test
	void aSlowFirstItemIsAllowedItsOwnLimit() {
		Flux<String> slowStart = Mono.delay(Duration.ofMillis(400)).thenMany(Flux.just("late", "then quick"));

		List<String> items = silences.watch(slowStart, Duration.ofSeconds(2), Duration.ofMillis(200))
			.collectList()
			.block(Duration.ofSeconds(5));

		assertThat(items).containsExactly("late", "then quick");
	}

	@Test
	void aCancelledStreamIsNoLongerWatched() {
		var subscription = silences.watch(Flux.never(), Duration.ofSeconds(30), Duration.ofSeconds(30)).subscribe();
		await().atMost(Duration.ofSeconds(2)).until(() -> silences.watching() == 1);

		subscription.dispose();

		assertThat(silences.watching()).isZero();
	}

	@Test
	void anUpstreamErrorPassesThrough() {
		Flux<String> broken = Flux.just("a").concatWith(Flux.error(new IllegalStateException("broke")));

		assertThatThrownBy(() -> silences.watch(broken, Duration.ofSeconds(30), Duration.ofSeconds(30))
			.blockLast(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class).hasMessage("broke");
		assertThat(silences.watching()).isZero();
	}

	@Test
	void itsTickIsATenthOfTheShortestLimitWithinBounds() {
		assertThat(new SilenceWatchdog(Duration.ofMillis(200)).tick()).isEqualTo(Duration.ofMillis(20));
		assertThat(new SilenceWatchdog(Duration.ofMillis(50)).tick()).isEqualTo(Duration.ofMillis(10));
		assertThat(new SilenceWatchdog(Duration.ofMinutes(1)).tick()).isEqualTo(Duration.ofSeconds(1));
	}
}
