package dev.parley.agents.tools.code;

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
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs untrusted JavaScript. One shared engine ({@link SandboxRuntime}: parsed code and its caches
 * are reused), a fresh {@link Context} per run that can reach nothing outside itself: no host
 * classes or objects, no files ({@code load} is gone, {@code import} is refused), no threads,
 * processes, native code, environment or other languages. The community edition's Truffle runtime offers no heap limit on a
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

	/** The runtime, created by the first run together with the watchdog's schedule. */
	private SandboxRuntime runtime() {
		SandboxRuntime created = runtime;
		if (created == null) {
			synchronized (this) {
				created = runtime;
				if (created == null) {
					created = SandboxRuntime.create(limits);
					watchdog.start();
					runtime = created;
				}
			}
		}
		return created;
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
		Context context = runtime.newContext(stdout);
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
		created.close();
	}
}
