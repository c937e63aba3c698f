package dev.parley.ai.openai;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.parley.ai.StreamedGeneration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts how streamed chat completions end ({@code parley.openai.streams}, tagged {@code outcome}:
 * completed, failed or disconnected), so clients that give up mid-answer show on the dashboards.
 */
@Component
class StreamOutcomes {

	private final Map<StreamedGeneration.Outcome, Counter> counters = new EnumMap<>(StreamedGeneration.Outcome.class);

	StreamOutcomes(MeterRegistry registry) {
		for (StreamedGeneration.Outcome outcome : StreamedGeneration.Outcome.values()) {
			counters.put(outcome, Counter.builder("parley.openai.streams")
				.description("Streamed /v1/chat/completions by how they ended")
				.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
				.register(registry));
		}
	}

	void record(StreamedGeneration.Outcome outcome) {
		counters.get(outcome).increment();
	}
}
