package dev.parley.agents.tools.code;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code run_code}: runs a JavaScript snippet in the {@link JavaScriptSandbox} and answers
 * {@code {"result": …, "stdout": "…"}}. It reads nothing and changes nothing outside the sandbox,
 * so it is read-only.
 */
@Component
class RunCodeTool implements Tool {

	static final String NAME = "run_code";

	/** Longest script accepted, in characters. */
	static final int LONGEST_CODE = 100_000;

	private static final ToolDefinition DEFINITION = new ToolDefinition(NAME, """
			Runs JavaScript (ECMAScript, a script, not a module) in a sandbox and returns \
			{"result": <JSON>, "stdout": "<text>"}. The result is the value given to output(value), \
			or else the value of the last expression; console.log/print write to stdout. The JSON \
			argument `input` is the global `input`. There is no network, file system, require/import, \
			timers or host access; runs are limited in CPU time, statements, memory and output.""", """
			{"type":"object","properties":{\
			"code":{"type":"string","description":"JavaScript source"},\
			"input":{"description":"Any JSON value, available to the script as the global `input`"}},\
			"required":["code"],"additionalProperties":false}""");

	private final JavaScriptSandbox sandbox;

	private final JsonMapper json;

	RunCodeTool(JavaScriptSandbox sandbox, JsonMapper json) {
		this.sandbox = sandbox;
		this.json = json;
	}

	@Override
	public ToolDefinition definition() {
		return DEFINITION;
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		JsonNode code = invocation.arguments().get("code");
		if (code == null || !code.isString()) {
			return ToolResult.failed("code must be a string of JavaScript");
		}
		if (code.asString().length() > LONGEST_CODE) {
			return ToolResult.failed("code is longer than " + LONGEST_CODE + " characters");
		}
		JsonNode input = invocation.arguments().get("input");
		String inputJson = input == null || input.isMissingNode() ? null : json.writeValueAsString(input);
		CodeRun run = sandbox.run(code.asString(), inputJson, invocation.deadline());
		if (!run.ok()) {
			String printed = run.stdout().isEmpty() ? "" : "\nstdout:\n" + run.stdout();
			return ToolResult.failed(run.error() + printed);
		}
		ObjectNode answer = json.createObjectNode();
		String result = run.result();
		if (result == null || run.resultTruncated()) {
			answer.put("result", result);
			answer.put("result_truncated", true);
		}
		else {
			answer.set("result", json.readTree(result));
		}
		answer.put("stdout", run.stdout());
		if (run.stdoutTruncated()) {
			answer.put("stdout_truncated", true);
		}
		return ToolResult.ok(json.writeValueAsString(answer));
	}
}
