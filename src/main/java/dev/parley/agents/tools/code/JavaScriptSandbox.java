package dev.parley.agents.tools.code;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs untrusted JavaScript. One shared {@link Engine} (parsed code and its caches are reused), a
 * fresh {@link Context} per run that can reach nothing outside itself: no host classes or objects,
 * no files ({@code load} is gone, {@code import} is refused), no threads, processes, native code,
 * environment or other languages. The community edition's Truffle runtime offers no heap limit on a
 * stock JDK, and its {@code sandbox.MaxCPUTime} needs the CONSTRAINED policy, which in turn forbids the
 * options that bound single allocations; so each run is bounded here by:
 * <ul>
 * <li>a statement count ({@link ResourceLimits}, enforced by the engine);</li>
 * <li>the longest string and typed array or {@code ArrayBuffer} (engine options), so no single
 * allocation is large;</li>
 * <li>a watchdog ({@link RunWatchdog}) that every {@value RunWatchdog#WATCH_MILLIS} ms reads the run's
 * thread's CPU time and allocated bytes and the wall clock, and cancels the context
 * ({@code close(true)}) past a bound: allocation is total allocation, garbage included, and may
 * overshoot by what a thread allocates in one interval;</li>
 * <li>stdout and the result cut at the output bound;</li>
 * <li>at most {@code concurrent-runs} runs at once, each on its own platform thread.</li>
 * </ul>
 * The engine (some 2,500 Truffle and GraalJS classes) is created and warmed up by the first run, not
 * at start-up, and nothing before it touches the polyglot API: a Parley whose agents never run code
 * does not carry it (README "Running in production", idle memory). The first run waits for it before
 * its wait for a slot and its own bounds start.
 */
@Component
class JavaScriptSandbox implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JavaScriptSandbox.class);

	private static final Duration GRACE = Duration.ofSeconds(2);

	private static final int LONGEST_ERROR = 2_000;

	/** The name errors give the script. */
	private static final String SCRIPT = "code.js";

	/**
	 * Defines the globals {@code input} and {@code output(value)} and returns the function that turns
	 * the run's answer into JSON (a value JSON cannot hold becomes its string, nothing becomes null).
	 */
	private static final String PRELUDE = """
			(function (inputJson) {
			  'use strict';
			  let chosen, chose = false;
			  Object.defineProperty(globalThis, 'input', { value: inputJson == null ? null : JSON.parse(inputJson),
			      writable: true, configurable: true });
			  Object.defineProperty(globalThis, 'output', { value: function output(value) { chosen = value; chose = true; },
			      writable: true, configurable: true });
			  return function (last) {
			    const value = chose ? chosen : last;
			    let json;
			    try { json = JSON.stringify(value); } catch (e) { json = JSON.stringify(String(value)); }
			    return json === undefined ? 'null' : json;
			  };
			})""";

	private final CodeProperties limits;

	private final Clock clock;

	/** The engine and what every run shares, created by the first run. */
	private volatile @Nullable SandboxRuntime runtime;

	private final ExecutorService runners;

	private final RunWatchdog watchdog;

	JavaScriptSandbox(CodeProperties limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.runners = Executors.newFixedThreadPool(limits.concurrentRuns(), task -> {
			Thread thread = new Thread(null, task, "run-code-" + count.incrementAndGet(), 16L << 20);
			thread.setDaemon(true);
			return thread;
		});
		this.watchdog = new RunWatchdog(limits);
	}

	/**
	 * What every run shares. Built on first use, like every polyglot object here: even a
	 * {@link Source} loads the polyglot implementation.
	 */
	private record SandboxRuntime(Engine engine, Source prelude, ResourceLimits resourceLimits) {
	}

	/** The runtime, created by the first run together with the watchdog's schedule. */
	private SandboxRuntime runtime() {
		SandboxRuntime created = runtime;
		if (created == null) {
			synchronized (this) {
				created = runtime;
				if (created == null) {
					Engine engine = Engine.newBuilder("js")
						// A stock JDK runs Truffle without its optimising compiler; the warning says only that.
						.option("engine.WarnInterpreterOnly", "false")
						.out(OutputStream.nullOutputStream())
						.err(OutputStream.nullOutputStream())
						.build();
					created = new SandboxRuntime(engine, Source.newBuilder("js", PRELUDE, "parley-prelude.js").buildLiteral(),
							ResourceLimits.newBuilder().statementLimit(limits.statements(), null).build());
					warmUp(created);
					watchdog.start();
					runtime = created;
				}
			}
		}
		return created;
	}

	/**
	 * Loads and initialises the engine's classes once, outside any run's bounds, so a user's first
	 * script is not charged for them (several hundred milliseconds of CPU time on a cold JVM).
	 */
	private void warmUp(SandboxRuntime runtime) {
		Context context = newContext(runtime, OutputStream.nullOutputStream());
		try {
			context.eval(runtime.prelude()).execute("{}").execute(context.eval("js", "JSON.parse('[1]').map(x => x + 1)"));
		}
		finally {
			close(context);
		}
	}

	/**
	 * Runs a script to its end or its first bound, never past {@code deadline}.
	 * @param inputJson the JSON the script sees as {@code input}; {@code null} for none
	 */
	CodeRun run(String code, @Nullable String inputJson, Instant deadline) {
		// The first run waits for the runtime here, before the wait for a slot and its own bounds start.
		SandboxRuntime shared = runtime();
		Future<CodeRun> run = runners.submit(() -> execute(shared, code, inputJson, deadline));
		// A run in progress is stopped by the watchdog; this bounds the wait for a free slot as well.
		Duration wait = Duration.between(clock.instant(), deadline);
		Duration longest = limits.wallTime().multipliedBy(2);
		wait = (wait.compareTo(longest) < 0 ? wait : longest).plus(GRACE);
		try {
			return run.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			run.cancel(true);
			return CodeRun.failed("stopped: no free slot to run it before the run's deadline", new CappedOutput(0));
		}
		catch (InterruptedException ex) {
			run.cancel(true);
			Thread.currentThread().interrupt();
			return CodeRun.failed("interrupted", new CappedOutput(0));
		}
		catch (ExecutionException ex) {
			log.warn("run_code failed inside the sandbox", ex.getCause());
			return CodeRun.failed("the sandbox failed", new CappedOutput(0));
		}
	}

	private CodeRun execute(SandboxRuntime runtime, String code, @Nullable String inputJson, Instant deadline) {
		CappedOutput stdout = new CappedOutput(outputLimit());
		Duration left = Duration.between(clock.instant(), deadline);
		if (left.isNegative() || left.isZero()) {
			return CodeRun.failed("stopped: the run's deadline passed before it started", stdout);
		}
		boolean deadlineFirst = left.compareTo(limits.wallTime()) < 0;
		long wallEnd = System.nanoTime() + (deadlineFirst ? left : limits.wallTime()).toNanos();
		Context context = newContext(runtime, stdout);
		RunWatchdog.Watch watch = watchdog.watch(context, wallEnd, deadlineFirst);
		try {
			Value answer = context.eval(runtime.prelude()).execute(inputJson);
			Value last = context.eval(Source.newBuilder("js", code, SCRIPT).buildLiteral());
			String json = answer.execute(last).asString();
			if (json.length() > outputLimit()) {
				return new CodeRun(null, json.substring(0, outputLimit()), true, stdout.text(), stdout.truncated());
			}
			return new CodeRun(null, json, false, stdout.text(), stdout.truncated());
		}
		catch (PolyglotException ex) {
			return CodeRun.failed(describe(ex, watch.reason()), stdout);
		}
		catch (IllegalStateException ex) {
			// The watchdog closed the context between two evaluations.
			String reason = watch.reason();
			return CodeRun.failed(reason != null ? reason : "stopped", stdout);
		}
		finally {
			watchdog.forget(watch);
			close(context);
		}
	}

	private Context newContext(SandboxRuntime runtime, OutputStream stdout) {
		return Context.newBuilder("js")
			.engine(runtime.engine())
			.out(stdout)
			.err(stdout)
			.in(InputStream.nullInputStream())
			.allowHostAccess(HostAccess.NONE)
			.allowHostClassLookup(name -> false)
			.allowIO(IOAccess.NONE)
			.allowCreateThread(false)
			.allowCreateProcess(false)
			.allowNativeAccess(false)
			.allowEnvironmentAccess(EnvironmentAccess.NONE)
			.allowPolyglotAccess(PolyglotAccess.NONE)
			.resourceLimits(runtime.resourceLimits())
			.allowExperimentalOptions(true)
			.option("js.load", "false")
			.option("js.graal-builtin", "false")
			.option("js.polyglot-builtin", "false")
			.option("js.java-package-globals", "false")
			.option("js.shared-array-buffer", "false")
			.option("js.string-length-limit", Integer.toString(limits.largestValue()))
			.option("js.max-typed-array-length", Integer.toString(limits.largestValue()))
			.build();
	}

	private String describe(PolyglotException ex, @Nullable String stopped) {
		if (stopped != null) {
			return stopped;
		}
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		if (ex.isResourceExhausted()) {
			return message.startsWith("Statement count limit")
					? "stopped: it executed more than " + limits.statements() + " statements"
					: "stopped: it ran out of memory";
		}
		if (ex.isCancelled() || ex.isInterrupted()) {
			return "stopped";
		}
		if (ex.isHostException() || ex.isInternalError() || !ex.isGuestException()) {
			log.warn("run_code: the sandbox failed", ex);
			return "the sandbox failed";
		}
		if (!ex.isSyntaxError()) {
			message = message + lineOf(ex);
		}
		return message.length() <= LONGEST_ERROR ? message : message.substring(0, LONGEST_ERROR) + "…";
	}

	/** Where in the script the error came from: its innermost frame in the script. */
	private static String lineOf(PolyglotException ex) {
		for (PolyglotException.StackFrame frame : ex.getPolyglotStackTrace()) {
			SourceSection at = frame.getSourceLocation();
			if (frame.isGuestFrame() && at != null && SCRIPT.equals(at.getSource().getName())) {
				return " (line " + at.getStartLine() + ")";
			}
		}
		return "";
	}

	private int outputLimit() {
		return (int) Math.min(Integer.MAX_VALUE, limits.output().toBytes());
	}

	static void close(Context context) {
		try {
			context.close(true);
		}
		catch (RuntimeException ex) {
			// Closing a cancelled context reports the cancellation again; it is closed all the same.
		}
	}

	@Override
	public void destroy() {
		watchdog.shutdown();
		runners.shutdownNow();
		SandboxRuntime created = runtime;
		if (created == null) {
			return;
		}
		try {
			created.engine().close(true);
		}
		catch (RuntimeException ex) {
			log.debug("Closing the JavaScript engine", ex);
		}
	}
}
