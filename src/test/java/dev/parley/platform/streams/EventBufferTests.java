package dev.parley.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EventBufferTests {

	@Test
	void numbersEventsFromOneAndReplaysEverythingAfterANumber() throws InterruptedException {
		EventBuffer<String> buffer = new EventBuffer<>();
		assertThat(buffer.append("a")).isEqualTo(1);
		assertThat(buffer.append("b")).isEqualTo(2);
		assertThat(buffer.append("c")).isEqualTo(3);

		EventBatch<String> batch = buffer.awaitAfter(1, Duration.ZERO);

		assertThat(batch.first()).isEqualTo(2);
		assertThat(batch.events()).containsExactly("b", "c");
		assertThat(batch.last()).isEqualTo(3);
		assertThat(batch.closed()).isFalse();
	}

	@Test
	void aReaderWaitsForTheNextEventAndLearnsTheEnd() throws Exception {
		EventBuffer<String> buffer = new EventBuffer<>();
		buffer.append("a");
		CompletableFuture<EventBatch<String>> waiting = CompletableFuture
			.supplyAsync(() -> uncheckedAwait(buffer, 1, Duration.ofSeconds(10)));

		buffer.close("end");

		EventBatch<String> batch = waiting.get(5, TimeUnit.SECONDS);
		assertThat(batch.first()).isEqualTo(2);
		assertThat(batch.events()).containsExactly("end");
		assertThat(batch.closed()).isTrue();
		assertThat(buffer.append("late")).isZero();
		assertThat(buffer.close("again")).isZero();
	}

	@Test
	void aNumberPastTheEndCountsFromTheEndButNeverSkipsTheLastEvent() throws InterruptedException {
		EventBuffer<String> buffer = new EventBuffer<>();
		buffer.append("a");
		assertThat(buffer.awaitAfter(99, Duration.ofMillis(10)).events()).isEmpty();
		buffer.append("b");
		buffer.close("end");

		EventBatch<String> batch = buffer.awaitAfter(99, Duration.ZERO);

		assertThat(batch.first()).isEqualTo(3);
		assertThat(batch.events()).containsExactly("end");
		assertThat(batch.closed()).isTrue();
	}

	@Test
	void aReaderWithNothingNewGetsAnEmptyBatchAtItsTimeout() throws InterruptedException {
		EventBuffer<String> buffer = new EventBuffer<>();
		buffer.append("a");

		EventBatch<String> batch = buffer.awaitAfter(1, Duration.ofMillis(20));

		assertThat(batch.events()).isEmpty();
		assertThat(batch.last()).isEqualTo(1);
		assertThat(batch.closed()).isFalse();
	}

	private static EventBatch<String> uncheckedAwait(EventBuffer<String> buffer, long seq, Duration timeout) {
		try {
			return buffer.awaitAfter(seq, timeout);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
