package dev.parley.ai.resilience;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Fails streams that go silent for too long, with a {@link TimeoutException}: one sweep over every
 * watched stream each {@link #tick}, instead of a timer per chunk ({@code Flux.timeout} with a
 * per-item {@code Mono.delay} schedules and cancels a task on a shared queue for every chunk: 6 % of
 * a streamed chat turn's CPU samples in a profile, though an A/B of CPU per turn could not tell the
 * two apart, bench/README.md). A chunk costs a clock read. A stream is failed at most one
 * tick after its limit; the sweep is scheduled only while something is watched.
 */
final class SilenceWatchdog {

	private static final Duration SHORTEST_TICK = Duration.ofMillis(10);

	private static final Duration LONGEST_TICK = Duration.ofSeconds(1);

	private final Set<Watch> watched = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private final long tickNanos;

	private final Scheduler scheduler;

	/** A watchdog precise to a tenth of {@code shortestLimit} (between 10 ms and a second). */
	SilenceWatchdog(Duration shortestLimit) {
		this(shortestLimit, Schedulers.parallel());
	}

	SilenceWatchdog(Duration shortestLimit, Scheduler scheduler) {
		Duration tick = shortestLimit.dividedBy(10);
		tick = tick.compareTo(SHORTEST_TICK) < 0 ? SHORTEST_TICK : tick;
		tick = tick.compareTo(LONGEST_TICK) > 0 ? LONGEST_TICK : tick;
		this.tickNanos = tick.toNanos();
		this.scheduler = scheduler;
	}

	/** How long after its limit a silent stream may still run. */
	Duration tick() {
		return Duration.ofNanos(tickNanos);
	}

	/**
	 * {@code stream}, failed with a {@link TimeoutException} (and cancelled) when its first item
	 * takes longer than {@code first}, or any later one longer than {@code next} after the one before.
	 */
	<T> Flux<T> watch(Flux<T> stream, Duration first, Duration next) {
		return Flux.defer(() -> {
			Watch watch = new Watch(first.toNanos(), next.toNanos());
			Flux<T> alarm = watch.alarm.asMono().thenMany(Flux.empty());
			Flux<T> heard = stream.doOnNext(item -> watch.heard()).doOnComplete(watch::ended);
			return Flux.merge(heard, alarm).doFinally(signal -> watched.remove(watch)).doOnSubscribe(subscribed -> {
				watched.add(watch);
				keepSweeping();
			});
		});
	}

	/** Number of streams watched now. */
	int watching() {
		return watched.size();
	}

	private void keepSweeping() {
		if (sweeping.compareAndSet(false, true)) {
			scheduler.schedule(this::sweep, tickNanos, TimeUnit.NANOSECONDS);
		}
	}

	private void sweep() {
		long now = System.nanoTime();
		for (Watch watch : watched) {
			watch.checkAt(now);
		}
		sweeping.set(false);
		// A stream watched after the loop above, while the flag was still set, is swept next time.
		if (!watched.isEmpty()) {
			keepSweeping();
		}
	}

	/** One stream's silence: since it started, or since its last item. */
	private static final class Watch {

		private final Sinks.Empty<Void> alarm = Sinks.empty();

		private final long next;

		private volatile long since = System.nanoTime();

		private volatile long limit;

		Watch(long first, long next) {
			this.limit = first;
			this.next = next;
		}

		void heard() {
			since = System.nanoTime();
			if (limit != next) {
				limit = next;
			}
		}

		/** The stream has ended: the alarm ends quietly, so that the merged stream ends too. */
		void ended() {
			alarm.tryEmitEmpty();
		}

		void checkAt(long now) {
			long silent = now - since;
			if (silent > limit) {
				alarm.tryEmitError(new TimeoutException("no item within " + Duration.ofNanos(limit).toMillis() + " ms"));
			}
		}
	}
}
