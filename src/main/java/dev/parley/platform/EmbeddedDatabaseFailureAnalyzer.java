package dev.parley.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an embedded database that cannot start into its reason and remedy instead of a stack trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseNotStarted> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseNotStarted cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
