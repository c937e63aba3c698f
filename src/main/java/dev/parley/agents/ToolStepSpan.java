package dev.parley.agents;

import java.util.function.Supplier;

import dev.parley.agents.tools.ToolResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The span of one tool step that runs ({@code execute_tool calculator}), named and described as
 * OpenTelemetry's GenAI semantic conventions say: the tool's name and the model's id of the call,
 * never its arguments or its result. Created on the run's thread, so that it is a child of what the
 * run goes on in (the turn's request), and run on the tool's own thread, in its scope, so that what
 * the tool calls in turn is its child. A no-op when tracing is off.
 */
final class ToolStepSpan {

	/** The observation's name, also the name of its timer when tracing is on. */
	static final String NAME = "gen_ai.execute_tool";

	private final Observation observation;

	private ToolStepSpan(Observation observation) {
		this.observation = observation;
	}

	static ToolStepSpan of(ObservationRegistry registry, String tool, String callId) {
		Observation observation = Observation.createNotStarted(NAME, registry);
		if (!observation.isNoop()) {
			observation.contextualName("execute_tool " + tool)
				.lowCardinalityKeyValue("gen_ai.operation.name", "execute_tool")
				.lowCardinalityKeyValue("gen_ai.tool.name", tool)
				.highCardinalityKeyValue("gen_ai.tool.call.id", callId);
		}
		return new ToolStepSpan(observation);
	}

	/** Runs the step in the span, which ends with it; a failed result is an error of the span. */
	ToolResult run(Supplier<ToolResult> step) {
		if (observation.isNoop()) {
			return step.get();
		}
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			ToolResult result = step.get();
			if (!result.ok()) {
				observation.lowCardinalityKeyValue("error.type", "tool_error");
				observation.error(new ToolStepFailed());
			}
			return result;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/** A tool step that came back failed; what it said stays out of the trace. */
	static final class ToolStepFailed extends RuntimeException {

		ToolStepFailed() {
			super("The tool step failed.", null, false, false);
		}
	}
}
