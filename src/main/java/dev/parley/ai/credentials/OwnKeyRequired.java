package dev.parley.ai.credentials;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The server does not lend its own keys ({@code PARLEY_ALLOW_SERVER_KEYS=false}) and the user has none for this provider. */
public class OwnKeyRequired extends ParleyException {

	private final String provider;

	OwnKeyRequired(String provider) {
		super(ProblemKind.FORBIDDEN,
				"This server requires your own key for " + provider + "; add one under /api/v1/integrations.");
		this.provider = provider;
	}

	public String provider() {
		return provider;
	}
}
