package dev.parley.agents.tools.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** run_code over real GraalJS: what a script gets, what an escape attempt gets, and the limits. */
class RunCodeToolTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Small CPU and memory bounds so the tests are quick, a wall-time bound far enough to be reached
	 * only by the deadline test on a busy machine, and no statement bound in the way of the others.
	 */
	static final CodeProperties LIMITS = new CodeProperties(Duration.ofMillis(400), Duration.ofSeconds(60),
			Long.MAX_VALUE, DataSize.ofMegabytes(64), 1 << 20, DataSize.ofKilobytes(64), 2);

	static JavaScriptSandbox sandbox;

	static JavaScriptSandbox counted;

	@BeforeAll
	static void start() {
		sandbox = new JavaScriptSandbox(LIMITS, Clock.systemUTC());
		counted = new JavaScriptSandbox(new CodeProperties(Duration.ofSeconds(30), Duration.ofSeconds(60), 100_000,
				DataSize.ofMegabytes(128), 1 << 20, DataSize.ofKilobytes(64), 1), Clock.systemUTC());
	}

	@AfterAll
	static void stop() {
		sandbox.destroy();
		counted.destroy();
	}

	ToolResult run(JavaScriptSandbox box, Map<String, Object> arguments, Duration budget) {
		RunCodeTool tool = new RunCodeTool(box, JSON);
		return tool.execute(new ToolInvocation(UUID.randomUUID(), "call_1", JSON.valueToTree(arguments),
				Instant.now().plus(budget)));
	}

	ToolResult run(String code) {
		return run(sandbox, Map.of("code", code), Duration.ofSeconds(30));
	}

	JsonNode answer(ToolResult result) {
		assertThat(result.ok()).as(result.content()).isTrue();
		return JSON.readTree(result.content());
	}

	@Test
	void answersTheLastExpressionAndWhatWasPrinted() {
		JsonNode answer = answer(run("console.log('hi', 1 + 1); print('there'); [1, 2, 3].map(x => x * 2)"));

		assertThat(answer.get("result").toString()).isEqualTo("[2,4,6]");
		assertThat(answer.get("stdout").asString()).isEqualTo("hi 2\nthere\n");
		assertThat(answer.has("stdout_truncated")).isFalse();
	}

	@Test
	void answersWhatOutputWasGivenAndReadsTheInput() {
		JsonNode answer = answer(run(sandbox, Map.of("code", "output({ total: input.items.reduce((a, b) => a + b, 0) }); 'ignored'",
				"input", Map.of("items", new int[] { 1, 2, 39 })), Duration.ofSeconds(30)));

		assertThat(answer.get("result").toString()).isEqualTo("{\"total\":42}");
	}

	@Test
	void answersNullForNothingAndAStringForWhatJsonCannotHold() {
		assertThat(answer(run("let x = 1;")).get("result").isNull()).isTrue();
		assertThat(answer(run("10n ** 20n")).get("result").asString()).isEqualTo("100000000000000000000");
	}

	@Test
	void isReadOnly() {
		assertThat(new RunCodeTool(sandbox, JSON).hints().readOnly()).isTrue();
		assertThat(new RunCodeTool(sandbox, JSON).hints().asksByDefault()).isFalse();
	}

	@Test
	void cannotReachJavaClasses() {
		assertThat(run("Java.type('java.lang.Runtime').getRuntime().exec('id')").content())
			.isEqualTo("Error: TypeError: Access to host class java.lang.Runtime is not allowed or does not exist. (line 1)");
		assertThat(run("new java.io.File('/etc/passwd')").content()).startsWith("Error: ReferenceError: java is not defined");
		assertThat(run("Packages.java.lang.System.exit(1)").content()).startsWith("Error: ReferenceError: Packages is not defined");
	}

	@Test
	void cannotReachOtherLanguagesOrEngineBuiltins() {
		assertThat(run("Polyglot.eval('python', 'import os')").content())
			.startsWith("Error: ReferenceError: Polyglot is not defined");
		assertThat(run("Graal.versionJS").content()).startsWith("Error: ReferenceError: Graal is not defined");
	}

	@Test
	void cannotReadFiles() {
		assertThat(run("load('/etc/passwd')").content()).startsWith("Error: ReferenceError: load is not defined");
		assertThat(run("read('/etc/passwd')").content()).startsWith("Error: ReferenceError: read is not defined");
		assertThat(run("require('fs').readFileSync('/etc/passwd')").content())
			.startsWith("Error: ReferenceError: require is not defined");
		assertThat(run("import fs from 'fs'; fs.readFileSync('/etc/passwd')").content()).startsWith("Error: SyntaxError");
		JsonNode dynamic = answer(run("import('/etc/passwd').then(m => output('loaded'), e => output('refused: ' + e.message))"));
		assertThat(dynamic.get("result").asString()).isEqualTo("refused: Operation is not allowed for: /etc/passwd");
	}

	@Test
	void cannotStartThreadsOrSeeTheProcess() {
		assertThat(run("new Worker('x.js')").content()).startsWith("Error: ReferenceError: Worker is not defined");
		assertThat(run("process.env.PARLEY_ENCRYPTION_KEY").content())
			.startsWith("Error: ReferenceError: process is not defined");
		assertThat(run("new SharedArrayBuffer(8)").content())
			.startsWith("Error: ReferenceError: SharedArrayBuffer is not defined");
	}

	@Test
	void stopsAnEndlessLoopAtItsCpuTime() {
		ToolResult result = run("for (;;) {}");

		assertThat(result.content()).isEqualTo("Error: stopped: it used more than 400 ms of CPU time");
	}

	@Test
	void stopsABacktrackingRegularExpressionAtItsCpuTime() {
		ToolResult result = run("/^(a+)+\\1b$/.test('a'.repeat(5000))");

		assertThat(result.content()).isEqualTo("Error: stopped: it used more than 400 ms of CPU time");
	}

	@Test
	void stopsAtItsStatementCount() {
		ToolResult result = run(counted, Map.of("code", "let i = 0; while (true) { i++; }"), Duration.ofSeconds(30));

		assertThat(result.content()).isEqualTo("Error: stopped: it executed more than 100000 statements");
	}

	@Test
	void stopsAtTheRunsDeadline() {
		long start = System.nanoTime();

		ToolResult result = run(sandbox, Map.of("code", "for (;;) {}"), Duration.ofMillis(200));

		assertThat(result.content()).isEqualTo("Error: stopped: it ran past the run's deadline");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void stopsHugeAllocations() {
		assertThat(run("new Array(1e9).fill(1)").content()).isEqualTo("Error: stopped: it allocated more than 64 MB");
		// Large steps, so that the allocation limit is reached long before the CPU limit on a slow or busy machine.
		assertThat(run("const a = []; for (;;) a.push(new Array(1e6).fill(a.length));").content())
			.isEqualTo("Error: stopped: it allocated more than 64 MB");
		assertThat(run("let s = 'x'; for (;;) s += s;").content()).startsWith("Error: RangeError: Invalid string length");
		assertThat(run("'x'.repeat(2 ** 30)").content()).startsWith("Error: RangeError: Invalid string length");
		assertThat(run("new ArrayBuffer(1e9)").content()).startsWith("Error: RangeError");
		assertThat(run("new Float64Array(1e8)").content()).startsWith("Error: RangeError");
		assertThat(answer(run("new Float64Array(1000).length")).get("result").asInt()).isEqualTo(1000);
	}

	@Test
	void cutsHugeOutput() {
		JsonNode answer = answer(run("for (let i = 0; i < 20000; i++) console.log('line ' + i); 'done'"));

		assertThat(answer.get("result").asString()).isEqualTo("done");
		assertThat(answer.get("stdout").asString()).startsWith("line 0\nline 1\n").hasSize(64 * 1024);
		assertThat(answer.get("stdout_truncated").asBoolean()).isTrue();

		JsonNode big = answer(run("'y'.repeat(100000)"));
		assertThat(big.get("result").asString()).hasSize(64 * 1024).startsWith("\"yyy");
		assertThat(big.get("result_truncated").asBoolean()).isTrue();
	}

	@Test
	void reportsSyntaxErrorsAndThrownErrors() {
		assertThat(run("1 +").content()).startsWith("Error: SyntaxError: code.js:1:3 Expected an operand but found eof");
		assertThat(run("console.log('before');\nnull.x").content())
			.isEqualTo("Error: TypeError: Cannot read property 'x' of null (line 2)\nstdout:\nbefore\n");
		assertThat(run("throw new Error('nope')").content()).isEqualTo("Error: Error: nope (line 1)");
	}

	@Test
	void eachRunStartsClean() {
		answer(run("globalThis.leak = 'secret'; Object.prototype.polluted = true;"));

		assertThat(answer(run("[typeof leak, ({}).polluted === undefined]")).get("result").toString())
			.isEqualTo("[\"undefined\",true]");
	}
}
