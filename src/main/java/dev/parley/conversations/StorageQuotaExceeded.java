package dev.parley.conversations;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** An upload that would take the user's files past their storage quota. */
class StorageQuotaExceeded extends ParleyException {

	StorageQuotaExceeded(long usedBytes, long quotaBytes) {
		super(ProblemKind.PAYLOAD_TOO_LARGE, "This file would take your files past your storage quota ("
				+ usedBytes + " of " + quotaBytes + " bytes used); delete some first.");
	}
}
