package dev.parley.ai;

import java.util.Optional;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;
import org.jspecify.annotations.Nullable;

/**
 * A generation that did not finish: the provider failed, refused the credentials, timed out, or
 * the caller cancelled it. The message is safe to show: it never holds a key or a raw response.
 */
public class GenerationFailed extends ParleyException {

	private final Reason reason;

	private final @Nullable UpstreamError upstream;

	public GenerationFailed(Reason reason, String detail) {
		this(reason, detail, null);
	}

	/** A failure the provider answered with, or after Parley's retries: {@code upstream} says what it answered. */
	public GenerationFailed(Reason reason, String detail, @Nullable UpstreamError upstream) {
		super(reason.kind, detail);
		this.reason = reason;
		this.upstream = upstream;
	}

	public Reason reason() {
		return reason;
	}

	/** What the provider answered, when the failure is its answer (or its silence after retries). */
	public Optional<UpstreamError> upstream() {
		return Optional.ofNullable(upstream);
	}

	/**
	 * The status a client of the gateway is answered with: a provider's 4xx where the request was the
	 * client's fault (400, 404, 422, 429; 401 and 403 only for the user's own key), 504 for a
	 * timeout, else this failure's own (502, 503).
	 */
	public int clientStatus() {
		if (reason == Reason.TIMEOUT) {
			return 504;
		}
		if (upstream == null) {
			return kind().status();
		}
		int status = upstream.status();
		if (status == 401 || status == 403) {
			return upstream.ownKey() ? status : 502;
		}
		if (status == 408) {
			return 504;
		}
		if (status >= 400 && status < 500) {
			return status;
		}
		return kind().status();
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
