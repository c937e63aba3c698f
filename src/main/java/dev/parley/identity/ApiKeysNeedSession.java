package dev.parley.identity;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/**
 * API keys are managed from a login session only: a request made with an API key may not create,
 * list or revoke keys, so a leaked key cannot mint itself successors that outlive its revocation.
 */
class ApiKeysNeedSession extends ParleyException {

	ApiKeysNeedSession() {
		super(ProblemKind.FORBIDDEN, "API keys can be managed only with an access token from a login, not with an API key.");
	}
}
