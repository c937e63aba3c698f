package dev.parley.ai.metering;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.ModelId;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * The span of one provider call, named and described as OpenTelemetry's GenAI semantic conventions
 * say ({@code chat gpt-4o-mini}; {@code gen_ai.*} attributes), plus what it cost by the catalogue's
 * prices ({@code parley.cost_usd}). It holds no prompt, no answer, no key and no user: traces leave
 * Parley for another system, where an account's erasure cannot follow them. It starts when the call
 * is asked for and ends when the answer has ended (a stream's last chunk, with its usage). When
 * tracing is off the observation is a no-op and nothing here is computed.
 */
final class GenerationSpan {

	/** The observation's name, also the name of its timer when tracing is on. */
	static final String NAME = "gen_ai.client.operation";

	/** Parley's provider ids that the conventions know by another name. */
	private static final Map<String, String> PROVIDER_NAMES = Map.of("bedrock", "aws.bedrock", "gemini", "gcp.gemini",
			"mistral", "mistral_ai", "azure", "azure.ai.openai");

	private final Observation observation;

	private GenerationSpan(Observation observation) {
		this.observation = observation;
	}

	/**
	 * Starts the span of a call, a child of the observation this thread runs in (the request's).
	 * @param operation {@code chat} or {@code embeddings}
	 */
	static GenerationSpan start(ObservationRegistry registry, String operation, ModelInfo model, String keySource) {
		// A client span, as the conventions want; the trace headers it would carry go nowhere (the
		// provider adapters send their own requests).
		Observation observation = Observation.createNotStarted(NAME, GenerationSpan::clientContext, registry);
		if (!observation.isNoop()) {
			ModelId id = model.id();
			observation.contextualName(operation + " " + id.model())
				.lowCardinalityKeyValue("gen_ai.operation.name", operation)
				.lowCardinalityKeyValue("gen_ai.provider.name", providerName(id.provider()))
				.lowCardinalityKeyValue("gen_ai.request.model", id.model())
				.lowCardinalityKeyValue("parley.key_source", keySource)
				.highCardinalityKeyValue("parley.model", id.toString())
				.start();
		}
		return new GenerationSpan(observation);
	}

	/** Whether the span is recorded (tracing is on). */
	boolean recording() {
		return !observation.isNoop();
	}

	/** Ends the span with what the call came to. */
	void completed(String answeringModel, TokenUsage usage, @Nullable BigDecimal costUsd, @Nullable String finishReason) {
		if (observation.isNoop()) {
			return;
		}
		observation.highCardinalityKeyValue("gen_ai.response.model", modelName(answeringModel))
			.highCardinalityKeyValue("gen_ai.usage.input_tokens", Integer.toString(usage.promptTokens()))
			.highCardinalityKeyValue("gen_ai.usage.output_tokens", Integer.toString(usage.completionTokens()));
		if (costUsd != null) {
			observation.highCardinalityKeyValue("parley.cost_usd", costUsd.toPlainString());
		}
		if (finishReason != null) {
			observation.highCardinalityKeyValue("gen_ai.response.finish_reasons", finishReason);
		}
		observation.stop();
	}

	/** Ends the span of a call that failed (an error) or was cancelled (not one). */
	void failed(GenerationFailed failure) {
		if (observation.isNoop()) {
			return;
		}
		observation.lowCardinalityKeyValue("error.type", failure.reason().name().toLowerCase(Locale.ROOT));
		if (failure.reason() != GenerationFailed.Reason.CANCELLED) {
			observation.error(failure);
		}
		observation.stop();
	}

	private static SenderContext<Map<String, String>> clientContext() {
		SenderContext<Map<String, String>> context = new SenderContext<>(Map::put, Kind.CLIENT);
		context.setCarrier(new HashMap<>());
		return context;
	}

	private static String providerName(String provider) {
		return PROVIDER_NAMES.getOrDefault(provider, provider);
	}

	/** The provider's name of a model from Parley's id of it ({@code gpt-4o-mini} of {@code openai/gpt-4o-mini}). */
	private static String modelName(String parleyId) {
		int slash = parleyId.indexOf('/');
		return slash < 0 ? parleyId : parleyId.substring(slash + 1);
	}
}
