package dev.parley.realtime.websocket;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A client frame this server refuses (an unknown type, a feature it does not run). */
final class RealtimeRefusal extends ParleyException {

	RealtimeRefusal(ProblemKind kind, String detail) {
		super(kind, detail);
	}
}
