package dev.parley.ai.openai;

import java.util.List;
import java.util.Map;

import dev.parley.ai.GenerationFailed;
import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;
import dev.parley.platform.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * An error as OpenAI's API shapes it: {@code {"error": {"message", "type", "param", "code"}}}. OpenAI's
 * SDKs pick their exception by the HTTP status and show the message; {@code type} follows OpenAI's
 * own usage ({@code invalid_request_error} for 4xx, {@code server_error} for 5xx).
 *
 * @param error what went wrong
 */
record OpenAiError(Body error) {

	/**
	 * @param message safe to show: never a key, a stack trace or a provider's raw answer
	 * @param type the class of error
	 * @param param the request field at fault, or {@code null}
	 * @param code a machine-readable reason, or {@code null}
	 */
	@Schema(name = "OpenAiErrorBody")
	record Body(String message, String type, @Nullable String param, @Nullable String code) {
	}

	static OpenAiError of(int status, String message, @Nullable String param, @Nullable String code) {
		return new OpenAiError(new Body(message, type(status), param, code));
	}

	/** A module's fact, with the status its kind has on the rest of the API. */
	static OpenAiError of(ParleyException fact) {
		Map<String, String> fields = fact.invalidFields();
		String param = fields.isEmpty() ? null : fields.keySet().iterator().next();
		String message = param == null || fields.size() > 1 ? fact.getMessage() : param + ": " + fields.get(param);
		if (fact.kind() == ProblemKind.QUOTA_EXCEEDED) {
			// OpenAI's own answer to a spent quota: 429 with type and code insufficient_quota.
			return new OpenAiError(new Body(message, "insufficient_quota", null, "insufficient_quota"));
		}
		return of(fact.kind().status(), message, param, code(fact));
	}

	/**
	 * A problem the platform raised for a {@code /v1} path before any of its controllers ran (unknown
	 * path, wrong method, a body over the limit ...): its status and detail, its first invalid field.
	 */
	static OpenAiError of(ProblemDetail problem) {
		String param = null;
		if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors
				&& !errors.isEmpty() && errors.getFirst() instanceof Problems.FieldError first) {
			param = first.field();
		}
		String message = problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
		return of(problem.getStatus(), message == null ? "The request failed." : message, param,
				problem.getStatus() == 429 ? "rate_limit_exceeded" : null);
	}

	static String type(int status) {
		return switch (status) {
			case 403 -> "permission_error";
			case 429 -> "rate_limit_error";
			default -> status >= 500 ? "server_error" : "invalid_request_error";
		};
	}

	private static @Nullable String code(ParleyException fact) {
		if (fact instanceof GenerationFailed failed) {
			return switch (failed.reason()) {
				case TIMEOUT -> "timeout";
				case UNAVAILABLE -> "service_unavailable";
				case CANCELLED -> "cancelled";
				case PROVIDER_ERROR, PROVIDER_REJECTED -> "provider_error";
			};
		}
		return fact.kind() == ProblemKind.RATE_LIMITED ? "rate_limit_exceeded" : null;
	}
}
