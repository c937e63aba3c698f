package dev.parley.platform;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problems Parley answers with, so every error has the same shape. */
public final class Problems {

	private static final URI BLANK_TYPE = URI.create("about:blank");

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private Problems() {
	}

	public static ProblemDetail of(ProblemKind kind, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(kind.status()), detail);
		problem.setType(URI.create(kind.type()));
		problem.setTitle(kind.title());
		return withRequestId(problem);
	}

	public static ProblemDetail validation(List<FieldError> errors) {
		ProblemDetail problem = of(ProblemKind.INVALID_REQUEST, "The request has invalid fields.");
		problem.setType(URI.create(ProblemKind.TYPE_BASE + "validation"));
		problem.setTitle("Validation failed");
		problem.setProperty("errors", errors);
		return problem;
	}

	/** A problem for a status that has no module fact behind it (405, 415, 500 ...), typed by its status. */
	public static ProblemDetail ofStatus(int status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setTitle(title);
		return typed(withRequestId(problem));
	}

	/** Gives a problem built elsewhere (Spring's own, for framework exceptions) the type of its status. */
	static ProblemDetail typed(ProblemDetail problem) {
		if (problem.getType() == null || BLANK_TYPE.equals(problem.getType())) {
			problem.setType(URI.create(ProblemKind.typeOf(problem.getStatus())));
		}
		return problem;
	}

	static ProblemDetail withRequestId(ProblemDetail problem) {
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		Map<String, Object> properties = problem.getProperties();
		if (requestId != null && (properties == null || !properties.containsKey("request_id"))) {
			problem.setProperty("request_id", requestId);
		}
		return problem;
	}

	/** Field names on the wire are snake_case; Java's are camelCase ({@code maxTokens} → {@code max_tokens}). */
	public static String wireName(String javaName) {
		if (javaName == null) {
			return "body";
		}
		return CAMEL_HUMP.matcher(javaName).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
	}

	/** A wait as the whole seconds of a {@code Retry-After} header, at least one. */
	public static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	/** One invalid field of a request, named as it is on the wire. */
	public record FieldError(String field, String message) {
	}
}
