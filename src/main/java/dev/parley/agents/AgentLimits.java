package dev.parley.agents;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of a run that its agent does not set ({@code parley.agents.runs.*}).
 *
 * @param maxSteps the most model calls of a run ({@code PARLEY_AGENT_MAX_STEPS}); an agent's
 *     {@code max_steps} overrides it
 * @param maxToolCalls the most tool calls one model call may make ({@code PARLEY_AGENT_MAX_TOOL_CALLS})
 * @param timeBudget the wall-clock time a run may take, pauses for a person not counted before the
 *     pause ({@code PARLEY_AGENT_TIME_BUDGET})
 * @param tokenBudget the most tokens a run may use, or {@code null} for no budget
 *     ({@code PARLEY_AGENT_TOKEN_BUDGET})
 */
@ConfigurationProperties("parley.agents.runs")
record AgentLimits(@DefaultValue("8") int maxSteps, @DefaultValue("8") int maxToolCalls,
		@DefaultValue("5m") Duration timeBudget, @Nullable Integer tokenBudget) {
}
