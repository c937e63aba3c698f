package dev.parley.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable secret at start-up into a short message instead of a stack trace. */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecret> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSecret cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + cause.setting() + " in the environment (see the README's settings table) and start again.",
				cause);
	}
}
