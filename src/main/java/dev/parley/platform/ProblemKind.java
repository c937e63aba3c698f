package dev.parley.platform;

/**
 * The kinds of failure a module can report. The platform turns each into an RFC 9457 problem with a
 * stable {@code type} URI; modules name the fact, the platform picks the HTTP status.
 */
public enum ProblemKind {

	INVALID_REQUEST(400, "invalid-request", "Invalid request"),
	UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
	FORBIDDEN(403, "forbidden", "Forbidden"),
	NOT_FOUND(404, "not-found", "Not found"),
	METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
	NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
	CONFLICT(409, "conflict", "Conflict"),
	GONE(410, "gone", "Gone"),
	PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
	UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
	RATE_LIMITED(429, "rate-limited", "Too many requests"),
	QUOTA_EXCEEDED(429, "quota-exceeded", "Quota exceeded"),
	INTERNAL_ERROR(500, "internal-error", "Internal server error"),
	BAD_GATEWAY(502, "provider-error", "The model provider failed"),
	UNAVAILABLE(503, "unavailable", "Service unavailable"),
	GATEWAY_TIMEOUT(504, "provider-timeout", "The model provider timed out");

	/** Base of every problem {@code type}; the README documents each one. */
	public static final String TYPE_BASE = "https://parley.dev/problems/";

	private final int status;

	private final String slug;

	private final String title;

	ProblemKind(int status, String slug, String title) {
		this.status = status;
		this.slug = slug;
		this.title = title;
	}

	public int status() {
		return status;
	}

	public String type() {
		return TYPE_BASE + slug;
	}

	public String title() {
		return title;
	}

	/**
	 * The {@code type} of a problem with this status that no module fact names (a framework's 405, a
	 * container's 400): the first kind with that status, else {@code http-<status>}.
	 */
	static String typeOf(int status) {
		for (ProblemKind kind : values()) {
			if (kind.status == status) {
				return kind.type();
			}
		}
		return TYPE_BASE + "http-" + status;
	}
}
