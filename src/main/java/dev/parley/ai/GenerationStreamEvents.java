package dev.parley.ai;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The Server-Sent Events of a streamed {@code POST /api/v1/ai/generate} as the API documentation
 * shows them: what {@link GenerationEvents} writes. Keep them in step with it.
 */
@Schema(name = "GenerationEvent", description = "One Server-Sent Event of a generation: delta ..., then done or error; "
		+ "ids count from 1", oneOf = { GenerationStreamEvents.Delta.class, GenerationStreamEvents.Done.class,
				GenerationStreamEvents.Error.class })
sealed interface GenerationStreamEvents {

	@Schema(name = "GenerationDeltaEvent", description = "A piece of the answer, in order")
	record Delta(@Schema(allowableValues = "delta", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) Text data) implements GenerationStreamEvents {
	}

	@Schema(name = "GenerationDoneEvent", description = "The whole answer with its usage; the stream ends")
	record Done(@Schema(allowableValues = "done", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = RequiredMode.REQUIRED) GenerateController.GenerateResponse data)
			implements GenerationStreamEvents {
	}

	@Schema(name = "GenerationErrorEvent", description = "The generation failed: a problem; the stream ends")
	record Error(@Schema(allowableValues = "error", requiredMode = RequiredMode.REQUIRED) String event,
			@Schema(requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(ref = "#/components/schemas/Problem", requiredMode = RequiredMode.REQUIRED) Object data)
			implements GenerationStreamEvents {
	}

	@Schema(name = "GenerationDelta")
	record Text(String content) {
	}
}
