package dev.parley.agents;

import java.util.ArrayList;
import java.util.List;

import dev.parley.agents.runs.RunStep;
import dev.parley.agents.runs.StepKind;
import dev.parley.agents.runs.StepStatus;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;

/**
 * A run's exchange with its model, rebuilt from its ledger: each model call as an assistant message
 * with the tool calls that followed it, and each tool call that ended as its result. This is what a
 * run that goes on after a pause (on any node, after any restart) sends the model again. Calls still
 * waiting for a decision have no result yet: their answers come when they run.
 */
final class RunTranscript {

	private RunTranscript() {
	}

	/** The tool calls of a run so far, in order, as the model made them. */
	static List<ToolCall> calls(List<RunStep> steps) {
		return steps.stream()
			.filter(step -> step.kind() == StepKind.TOOL)
			.map(step -> new ToolCall(step.toolCallId() == null ? "" : step.toolCallId(), step.tool(),
					step.arguments()))
			.toList();
	}

	static List<PromptMessage> of(List<RunStep> steps) {
		List<PromptMessage> messages = new ArrayList<>();
		int i = 0;
		while (i < steps.size()) {
			RunStep step = steps.get(i++);
			if (step.kind() != StepKind.MODEL) {
				continue;
			}
			List<RunStep> calls = new ArrayList<>();
			while (i < steps.size() && steps.get(i).kind() == StepKind.TOOL) {
				calls.add(steps.get(i++));
			}
			String said = step.content() == null ? "" : step.content();
			if (calls.isEmpty()) {
				messages.add(PromptMessage.assistant(said));
				continue;
			}
			messages.add(PromptMessage.assistant(said, calls.stream()
				.map(call -> new ToolCall(call.toolCallId() == null ? "" : call.toolCallId(),
						ToolNames.wireName(call.tool()), call.arguments()))
				.toList()));
			for (RunStep call : calls) {
				if (call.status() != StepStatus.AWAITING_APPROVAL && call.status() != StepStatus.RUNNING) {
					messages.add(PromptMessage.tool(call.toolCallId(), call.result() == null ? "" : call.result()));
				}
			}
		}
		return messages;
	}
}
