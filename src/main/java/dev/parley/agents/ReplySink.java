package dev.parley.agents;

import dev.parley.ai.Generation;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.ToolCall;

/**
 * The reply a run writes, as the run sees it: text and tool calls as each model call streams them,
 * tool results and approval requests as the tools go, and one ending — the answer, a failure, or a
 * pause until a person decides. The generation under way is attached so that cancelling the reply
 * stops it.
 */
interface ReplySink extends RunEvents {

	void onDelta(String text);

	void onToolCall(ToolCall call);

	void attach(Generation generation);

	/** The run answered (or a limit stopped it, with a notice in the text): the reply is complete. */
	void onComplete(GenerationResult result);

	void onFailure(GenerationFailed failure);

	/** The run waits for a person: the reply keeps what it has and awaits approval. */
	void paused();

	/** Whether the reply was cancelled (the run stops at its next step). */
	boolean cancelled();
}
