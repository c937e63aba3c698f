package dev.parley.ai.anthropic;

import java.util.Map;

import dev.parley.platform.ParleyException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ProblemDetail;

/**
 * An error as Anthropic's API shapes it: {@code {"type": "error", "error": {"type", "message"}}}.
 * Anthropic's SDKs pick their exception by the HTTP status and show the message.
 *
 * @param type always {@code error}
 * @param error what went wrong
 */
@Schema(name = "AnthropicError")
record AnthropicError(String type, Body error) {

	/**
	 * @param type the class of error ({@code invalid_request_error}, {@code authentication_error} ...)
	 * @param message safe to show: never a key, a stack trace or a provider's raw answer
	 */
	@Schema(name = "AnthropicErrorBody")
	record Body(String type, String message) {
	}

	static AnthropicError of(int status, String message) {
		return new AnthropicError("error", new Body(type(status), message));
	}

	/** A module's fact; an invalid field is named in the message ({@code max_tokens: ...}). */
	static AnthropicError of(ParleyException fact) {
		Map<String, String> fields = fact.invalidFields();
		String message = fields.size() == 1
				? fields.keySet().iterator().next() + ": " + fields.values().iterator().next() : fact.getMessage();
		return of(fact.kind().status(), message);
	}

	/** A problem the platform raised for the path before any controller ran (unknown path, wrong method ...). */
	static AnthropicError of(ProblemDetail problem) {
		String message = problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
		return of(problem.getStatus(), message == null ? "The request failed." : message);
	}

	/** Anthropic's error types by HTTP status. */
	static String type(int status) {
		return switch (status) {
			case 401 -> "authentication_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 413 -> "request_too_large";
			case 429 -> "rate_limit_error";
			case 503, 529 -> "overloaded_error";
			default -> status >= 500 ? "api_error" : "invalid_request_error";
		};
	}
}
