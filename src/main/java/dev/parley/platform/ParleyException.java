package dev.parley.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A fact a module reports to its caller ({@code ChatNotFound}, {@code RefreshTokenReused}). It knows
 * nothing of HTTP: {@link ProblemKind} says what kind of failure it is, and the platform's problem
 * handler renders it. Its message is safe to show to the client.
 */
public abstract class ParleyException extends RuntimeException {

	private final ProblemKind kind;

	protected ParleyException(ProblemKind kind, String detail) {
		super(detail, null, false, false);
		this.kind = kind;
	}

	public ProblemKind kind() {
		return kind;
	}

	/** Request fields this failure is about (wire name to message), shown as the problem's {@code errors}. */
	public Map<String, String> invalidFields() {
		return Map.of();
	}

	/** Extension members of the problem (RFC 9457 §3.2), by their wire names; none by default. */
	public Map<String, Object> extensions() {
		return Map.of();
	}

	/** How long the client should wait before trying again, for rate limits and overload. */
	public Optional<Duration> retryAfter() {
		return Optional.empty();
	}
}
