package dev.parley.agents.tools.code;

import java.io.InputStream;
import java.io.OutputStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every sandboxed run shares: one {@link Engine} (parsed code and its caches are reused), the
 * prelude that gives a script its {@code input} and {@code output}, and the statement limit; and the
 * contexts made from them. Built on first use ({@link JavaScriptSandbox}), like every polyglot object:
 * even a {@link Source} loads the polyglot implementation.
 */
final class SandboxRuntime {

	private static final Logger log = LoggerFactory.getLogger(SandboxRuntime.class);

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

	private final Engine engine;

	private final Source prelude;

	private final ResourceLimits resourceLimits;

	private final int largestValue;

	private SandboxRuntime(Engine engine, CodeProperties limits) {
		this.engine = engine;
		this.prelude = Source.newBuilder("js", PRELUDE, "parley-prelude.js").buildLiteral();
		this.resourceLimits = ResourceLimits.newBuilder().statementLimit(limits.statements(), null).build();
		this.largestValue = limits.largestValue();
	}

	/** A runtime whose engine has run once, so that a user's first script is not charged for it. */
	static SandboxRuntime create(CodeProperties limits) {
		Engine engine = Engine.newBuilder("js")
			// A stock JDK runs Truffle without its optimising compiler; the warning says only that.
			.option("engine.WarnInterpreterOnly", "false")
			.out(OutputStream.nullOutputStream())
			.err(OutputStream.nullOutputStream())
			.build();
		SandboxRuntime runtime = new SandboxRuntime(engine, limits);
		runtime.warmUp();
		return runtime;
	}

	/** The prelude: evaluated with the input's JSON, it returns the function that makes the answer. */
	Source prelude() {
		return prelude;
	}

	/** A fresh context that can reach nothing outside itself, writing its output to {@code stdout}. */
	Context newContext(OutputStream stdout) {
		return Context.newBuilder("js")
			.engine(engine)
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
			.resourceLimits(resourceLimits)
			.allowExperimentalOptions(true)
			.option("js.load", "false")
			.option("js.graal-builtin", "false")
			.option("js.polyglot-builtin", "false")
			.option("js.java-package-globals", "false")
			.option("js.shared-array-buffer", "false")
			.option("js.string-length-limit", Integer.toString(largestValue))
			.option("js.max-typed-array-length", Integer.toString(largestValue))
			.build();
	}

	/**
	 * Loads and initialises the engine's classes once (several hundred milliseconds of CPU time on a
	 * cold JVM).
	 */
	private void warmUp() {
		Context context = newContext(OutputStream.nullOutputStream());
		try {
			context.eval(prelude).execute("{}").execute(context.eval("js", "JSON.parse('[1]').map(x => x + 1)"));
		}
		finally {
			JavaScriptSandbox.close(context);
		}
	}

	void close() {
		try {
			engine.close(true);
		}
		catch (RuntimeException ex) {
			log.debug("Closing the JavaScript engine", ex);
		}
	}
}
