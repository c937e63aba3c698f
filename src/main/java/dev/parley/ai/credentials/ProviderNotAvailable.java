package dev.parley.ai.credentials;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A key that cannot be checked here: this server has not enabled its provider, or has no model to check it with. */
class ProviderNotAvailable extends ParleyException {

	private ProviderNotAvailable(String detail) {
		super(ProblemKind.INVALID_REQUEST, detail);
	}

	static ProviderNotAvailable notEnabled(String provider) {
		return new ProviderNotAvailable("The provider " + provider + " is not available on this server.");
	}

	static ProviderNotAvailable noTestModel(String provider) {
		return new ProviderNotAvailable("This server has no model to check " + provider
				+ " keys with (parley.ai.credentials.test-models." + provider + ").");
	}
}
