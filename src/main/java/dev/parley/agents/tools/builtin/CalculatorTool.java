package dev.parley.agents.tools.builtin;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;

/**
 * {@code calculator}: works out an arithmetic expression ({@link Arithmetic}: its own parser, no
 * code evaluation) and answers with the number, or with what is wrong with the expression.
 */
final class CalculatorTool implements Tool {

	static final String NAME = "calculator";

	private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
			"Works out an arithmetic expression exactly as written and answers with the number. "
					+ "Operators: + - * / % (remainder) ^ (power) and parentheses; constants pi, e; functions sqrt, abs, "
					+ "min, max, round(x[, places]), ln, log(x[, base]) (base 10 by default), exp, sin, cos, tan (radians). "
					+ "Double precision, answered with at most 15 significant digits.",
			"""
					{"type": "object",
					 "properties": {
					   "expression": {"type": "string", "minLength": 1, "maxLength": %d,
					                  "description": "The expression, for example (2 + 3) * sqrt(16) / 4"}
					 },
					 "required": ["expression"],
					 "additionalProperties": false}""".formatted(Arithmetic.MAX_LENGTH));

	@Override
	public ToolDefinition definition() {
		return DEFINITION;
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		String expression = invocation.arguments().get("expression").asString();
		try {
			return ToolResult.ok(Arithmetic.format(Arithmetic.evaluate(expression)));
		}
		catch (Arithmetic.ArithmeticProblem problem) {
			return ToolResult.failed(problem.getMessage());
		}
	}
}
