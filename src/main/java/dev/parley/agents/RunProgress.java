package dev.parley.agents;

import java.util.ArrayList;
import java.util.List;

import dev.parley.ai.GenerationSlot;
import dev.parley.ai.PreparedModel;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * A run under way: its transcript so far (the prompt, then each model call and tool result),
 * what its reply has received, and what it has used.
 */
final class RunProgress {

	final RunScope scope;

	final PreparedModel model;

	final GenerationSlot slot;

	final ReplySink reply;

	final List<PromptMessage> transcript;

	final @Nullable Double temperature;

	final int maxTokens;

	final StringBuilder text = new StringBuilder();

	final List<ToolCall> toolCalls = new ArrayList<>();

	TokenUsage usage = TokenUsage.NONE;

	int modelSteps;

	boolean retriedOutput;

	RunProgress(RunScope scope, PreparedModel model, GenerationSlot slot, ReplySink reply, List<PromptMessage> prompt,
			@Nullable Double temperature, int maxTokens) {
		this(scope, model, slot, reply, prompt, temperature, maxTokens, 0, "", TokenUsage.NONE, List.of());
	}

	/** A run that goes on: what it had said, used and called before it paused. */
	RunProgress(RunScope scope, PreparedModel model, GenerationSlot slot, ReplySink reply, List<PromptMessage> prompt,
			@Nullable Double temperature, int maxTokens, int modelStepsSoFar, String textSoFar, TokenUsage usedSoFar,
			List<ToolCall> calledSoFar) {
		this.scope = scope;
		this.model = model;
		this.slot = slot;
		this.reply = reply;
		this.transcript = new ArrayList<>(prompt);
		this.temperature = temperature;
		this.maxTokens = maxTokens;
		this.modelSteps = modelStepsSoFar;
		this.text.append(textSoFar);
		this.usage = usedSoFar;
		this.toolCalls.addAll(calledSoFar);
	}
}
