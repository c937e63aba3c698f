package dev.parley.ai;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/**
 * A generation that did not finish: the provider failed, refused the credentials, timed out, or
 * the caller cancelled it. The message is safe to show: it never holds a key or a raw response.
 */
public class GenerationFailed extends ParleyException {

	private final Reason reason;

	public GenerationFailed(Reason reason, String detail) {
		super(reason.kind, detail);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	public enum Reason {

		/** The provider answered with an error, or broke the stream. */
		PROVIDER_ERROR(ProblemKind.BAD_GATEWAY),
		/** The provider refused the request or its credentials (400/401/403); retrying will not help. */
		PROVIDER_REJECTED(ProblemKind.BAD_GATEWAY),
		/** No answer (or no first token) in time. */
		TIMEOUT(ProblemKind.GATEWAY_TIMEOUT),
		/** The provider's circuit is open after repeated failures. */
		UNAVAILABLE(ProblemKind.UNAVAILABLE),
		/** Someone cancelled the generation. */
		CANCELLED(ProblemKind.CONFLICT);

		private final ProblemKind kind;

		Reason(ProblemKind kind) {
			this.kind = kind;
		}
	}
}
