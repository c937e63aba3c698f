package dev.parley.ai.credentials;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** The user already has a key for this provider: one per provider, replaced with PATCH. */
class IntegrationAlreadyExists extends ParleyException {

	IntegrationAlreadyExists(String provider) {
		super(ProblemKind.CONFLICT, "You already have a key for " + provider
				+ "; change it with PATCH /api/v1/integrations/{id} or delete it first.");
	}
}
