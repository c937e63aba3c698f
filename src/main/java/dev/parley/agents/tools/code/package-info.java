/**
 * The {@code run_code} tool: JavaScript run in a GraalJS (Truffle, community edition) sandbox with no
 * host access, files, network, threads, processes or environment, and a CPU-time, wall-time,
 * statement, allocation and output bound on every run ({@link dev.parley.agents.tools.code.JavaScriptSandbox}).
 */
@NullMarked
package dev.parley.agents.tools.code;

import org.jspecify.annotations.NullMarked;
