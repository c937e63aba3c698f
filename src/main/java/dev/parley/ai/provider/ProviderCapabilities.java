package dev.parley.ai.provider;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of what each provider's adapter can honour of an OpenAI-style request, beyond
 * messages, temperature and length. The OpenAI-compatible gateway refuses (or, with
 * {@code drop_params}, drops) whatever a provider is not listed for here, naming the parameter,
 * rather than sending it nowhere; each adapter maps exactly what it is listed for.
 * <p>
 * A model a request falls back to ({@code parley.ai.fallbacks}) gets the options the first one
 * was checked for; its adapter maps what it can of them.
 * <p>
 * Not listed anywhere, so refused by every translated provider: {@code n} above 1 (the port
 * streams one answer), log probabilities, logit bias, audio and other modalities.
 */
public final class ProviderCapabilities {

	/** Something a request may ask for that not every provider can do. */
	public enum Capability {

		/** {@code top_p} */
		TOP_P,
		/** {@code stop} sequences */
		STOP,
		/** {@code seed} */
		SEED,
		/** {@code tool_choice: "none"} */
		TOOL_CHOICE_NONE,
		/** {@code tool_choice: "required"} */
		TOOL_CHOICE_REQUIRED,
		/** {@code tool_choice: {"type": "function", ...}} */
		TOOL_CHOICE_FUNCTION,
		/** {@code parallel_tool_calls: false} (every provider may make several calls: {@code true} is their default) */
		SINGLE_TOOL_CALL,
		/** {@code response_format: {"type": "json_object"}} */
		JSON_OBJECT,
		/** {@code response_format: {"type": "json_schema"}}, as the provider's native structured output */
		JSON_SCHEMA,
		/** {@code image_url} content parts */
		IMAGES,
		/** {@code frequency_penalty} and {@code presence_penalty} other than 0 */
		PENALTIES

	}

	private static final Set<Capability> ALL = EnumSet.allOf(Capability.class);

	private static final Map<String, Set<Capability>> BY_PROVIDER = Map.of(
			// Spring AI's OpenAI options carry every one of them.
			"openai", ALL,
			// Anthropic: no seed, no JSON mode without a schema.
			"anthropic", EnumSet.of(Capability.TOP_P, Capability.STOP, Capability.TOOL_CHOICE_NONE,
					Capability.TOOL_CHOICE_REQUIRED, Capability.TOOL_CHOICE_FUNCTION, Capability.SINGLE_TOOL_CALL,
					Capability.JSON_SCHEMA, Capability.IMAGES),
			// Gemini: Spring AI's options have no seed; function calling has no "one call only".
			"gemini", EnumSet.of(Capability.TOP_P, Capability.STOP, Capability.TOOL_CHOICE_NONE,
					Capability.TOOL_CHOICE_REQUIRED, Capability.TOOL_CHOICE_FUNCTION, Capability.JSON_OBJECT,
					Capability.JSON_SCHEMA, Capability.IMAGES, Capability.PENALTIES),
			// Ollama: no way to force a tool; "none" is honoured by offering none.
			"ollama", EnumSet.of(Capability.TOP_P, Capability.STOP, Capability.SEED, Capability.TOOL_CHOICE_NONE,
					Capability.JSON_OBJECT, Capability.JSON_SCHEMA, Capability.IMAGES, Capability.PENALTIES),
			// Bedrock Converse (AWS SDK 2.35): tool choice auto/any/tool, no seed, no structured output.
			BedrockProvider.ID, EnumSet.of(Capability.TOP_P, Capability.STOP, Capability.TOOL_CHOICE_REQUIRED,
					Capability.TOOL_CHOICE_FUNCTION, Capability.IMAGES),
			// The development model is deterministic (any seed and top_p reproduce it), stops at stop
			// sequences and calls one tool at a time.
			EchoProvider.ID, EnumSet.of(Capability.TOP_P, Capability.STOP, Capability.SEED, Capability.TOOL_CHOICE_NONE,
					Capability.SINGLE_TOOL_CALL));

	private ProviderCapabilities() {
	}

	/**
	 * What the provider with this id can honour. A named OpenAI-compatible server
	 * ({@code parley.ai.providers.<name>}) is reached through the OpenAI adapter and can honour what
	 * OpenAI's can; ids of no such server (test stand-ins) honour nothing beyond the basics.
	 */
	public static Set<Capability> of(String providerId, boolean openAiCompatible) {
		Set<Capability> known = BY_PROVIDER.get(providerId);
		if (known != null) {
			return known;
		}
		return openAiCompatible ? ALL : Set.of();
	}
}
