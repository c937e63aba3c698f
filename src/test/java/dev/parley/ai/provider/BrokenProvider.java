package dev.parley.ai.provider;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Test-only provider {@code broken}: answers one word, then fails as a provider whose server errs
 * mid-answer does, so tests can see what clients get when a generation breaks.
 */
@Component
class BrokenProvider implements ChatProvider {

	static final String PARTIAL = "Partial";

	@Override
	public String id() {
		return "broken";
	}

	@Override
	public Flux<ProviderChunk> stream(ProviderCall call) {
		return Flux.just(ProviderChunk.text(PARTIAL))
			.concatWith(Flux.error(new ProviderError(500, null, "upstream exploded", null)));
	}
}
