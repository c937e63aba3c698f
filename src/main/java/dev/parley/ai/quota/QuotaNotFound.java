package dev.parley.ai.quota;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No quota is set for this subject, or the role named does not exist. */
class QuotaNotFound extends ParleyException {

	QuotaNotFound(String detail) {
		super(ProblemKind.NOT_FOUND, detail);
	}
}
