package dev.parley.analytics.webhooks;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A retry asked for a delivery that is still being attempted. */
class DeliveryNotEnded extends ParleyException {

	DeliveryNotEnded() {
		super(ProblemKind.CONFLICT, "This delivery is still pending: it is retried on its schedule.");
	}
}
