package dev.parley.realtime.websocket;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A frame asks for something this server does not run (no module provides it): a 503 problem. */
final class NotAvailableHere extends ParleyException {

	NotAvailableHere(String what) {
		super(ProblemKind.UNAVAILABLE, what + " not available on this server.");
	}
}
