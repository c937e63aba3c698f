package dev.parley.ai.provider;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Test-only provider {@code endless}: streams a word every 10 ms and never finishes, so only a
 * cancellation ends it; it counts the cancellations it receives.
 */
@Component
public class EndlessProvider implements ChatProvider {

	private static final AtomicInteger CANCELLATIONS = new AtomicInteger();

	public static int cancellations() {
		return CANCELLATIONS.get();
	}

	@Override
	public String id() {
		return "endless";
	}

	@Override
	public Flux<ProviderChunk> stream(ProviderCall call) {
		return Flux.interval(Duration.ofMillis(10))
			.map(tick -> ProviderChunk.text(tick == 0 ? "Endless" : " word"))
			.doOnCancel(CANCELLATIONS::incrementAndGet);
	}
}
