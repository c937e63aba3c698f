package dev.parley.agents.tools.code;

import org.jspecify.annotations.Nullable;

/**
 * What one run of a script gave.
 *
 * @param error why it failed, in words safe to show the model; {@code null} when it ran to the end
 * @param result the JSON of what {@code output(...)} was given last, or else of the script's last
 *     expression ({@code null} for nothing); when cut, the cut JSON text as a string
 * @param resultTruncated whether {@code result} was longer than the output bound and was cut
 * @param stdout what {@code console.log} and friends printed (kept even when the run failed)
 * @param stdoutTruncated whether more was printed than the output bound keeps
 */
record CodeRun(@Nullable String error, @Nullable String result, boolean resultTruncated, String stdout,
		boolean stdoutTruncated) {

	boolean ok() {
		return error == null;
	}

	static CodeRun failed(String error, CappedOutput stdout) {
		return new CodeRun(error, null, false, stdout.text(), stdout.truncated());
	}
}
