package dev.parley.ai;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How the answer is sampled and shaped beyond temperature and length: what an OpenAI-style request
 * may ask of a model. Each adapter maps what it is given onto the provider's native options; the
 * OpenAI-compatible gateway only passes what the provider can honour (see
 * {@code provider.ProviderCapabilities}).
 *
 * @param topP nucleus sampling, or {@code null} for the provider's default
 * @param stop sequences at which the model stops; empty for none
 * @param seed a seed for reproducible sampling, or {@code null}
 * @param toolChoice whether and which tools the model must call; {@code null} for the provider's
 *     default (it may call any offered tool)
 * @param parallelToolCalls {@code false} to ask for at most one tool call per answer; {@code null}
 *     for the provider's default
 * @param jsonObject whether the answer must be a JSON object (any object; a schema is
 *     {@link GenerationRequest#outputSchema()})
 * @param frequencyPenalty -2 to 2, penalising tokens by how often they occurred; {@code null} for none
 * @param presencePenalty -2 to 2, penalising tokens that occurred at all; {@code null} for none
 */
public record GenerationOptions(@Nullable Double topP, List<String> stop, @Nullable Long seed,
		@Nullable ToolChoice toolChoice, @Nullable Boolean parallelToolCalls, boolean jsonObject,
		@Nullable Double frequencyPenalty, @Nullable Double presencePenalty) {

	/** Nothing beyond the provider's defaults. */
	public static final GenerationOptions DEFAULT = new GenerationOptions(null, List.of(), null, null, null, false, null,
			null);

	public GenerationOptions {
		stop = stop == null ? List.of() : List.copyOf(stop);
	}

	/** Whether the model is told not to call any tool. */
	public boolean noTools() {
		return toolChoice != null && toolChoice.mode() == ToolChoice.Mode.NONE;
	}

	/**
	 * Which tools the model must or must not call.
	 *
	 * @param mode auto (it decides), none (no tool), required (at least one), or one named function
	 * @param function the tool it must call, with {@link Mode#FUNCTION}; else {@code null}
	 */
	public record ToolChoice(Mode mode, @Nullable String function) {

		public enum Mode {

			AUTO, NONE, REQUIRED, FUNCTION

		}

		public static ToolChoice of(Mode mode) {
			return new ToolChoice(mode, null);
		}

		public static ToolChoice function(String name) {
			return new ToolChoice(Mode.FUNCTION, name);
		}
	}
}
