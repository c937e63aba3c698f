package dev.parley.ai.openai;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts how streamed chat completions end ({@code parley.openai.streams}, tagged {@code outcome}:
 * completed, failed or disconnected), so clients that give up mid-answer show on the dashboards.
 */
@Component
class StreamOutcomes {

	private final Map<ChatCompletionStream.Outcome, Counter> counters = new EnumMap<>(ChatCompletionStream.Outcome.class);

	StreamOutcomes(MeterRegistry registry) {
		for (ChatCompletionStream.Outcome outcome : ChatCompletionStream.Outcome.values()) {
			counters.put(outcome, Counter.builder("parley.openai.streams")
				.description("Streamed /v1/chat/completions by how they ended")
				.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
				.register(registry));
		}
	}

	void record(ChatCompletionStream.Outcome outcome) {
		counters.get(outcome).increment();
	}
}
