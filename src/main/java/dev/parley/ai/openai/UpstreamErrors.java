package dev.parley.ai.openai;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.UpstreamError;
import dev.parley.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A failed generation as OpenAI's API would have answered it, from what the provider answered
 * ({@link GenerationFailed#upstream()}):
 * <ul>
 * <li>a refused request (400, 404, 422 and other 4xx) → the same status, with the provider's
 * message, {@code param} and {@code code}, cleaned of keys and URLs;</li>
 * <li>429 → 429 with {@code Retry-After} when the provider gave one;</li>
 * <li>401/403 to a user's own key → the same status, saying it is their key; to the server's key →
 * 502 (the client can do nothing about it);</li>
 * <li>5xx and no answer → 502; 408 and timeouts → 504; an open circuit breaker → 503.</li>
 * </ul>
 * Where Parley already retried, {@code x-should-retry: false} tells OpenAI's SDKs not to multiply
 * the calls by retrying too.
 */
final class UpstreamErrors {

	static final String SHOULD_RETRY = "x-should-retry";

	private UpstreamErrors() {
	}

	static ResponseEntity<OpenAiError> response(GenerationFailed failure) {
		HttpHeaders headers = new HttpHeaders();
		UpstreamError upstream = failure.upstream().orElse(null);
		if (upstream != null && upstream.retried()) {
			headers.set(SHOULD_RETRY, "false");
		}
		if (upstream != null && status(failure) == 429 && upstream.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(upstream.retryAfter())));
		}
		return ResponseEntity.status(status(failure))
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers)
			.body(body(failure));
	}

	/** The status OpenAI's API would answer this failure with. */
	static int status(GenerationFailed failure) {
		return failure.clientStatus();
	}

	/** The error's body, for a response or a stream's error event. */
	static OpenAiError body(GenerationFailed failure) {
		UpstreamError upstream = failure.upstream().orElse(null);
		int status = status(failure);
		if (upstream == null || status >= 500) {
			return OpenAiError.of(failure);
		}
		if (upstream.status() == 401 || upstream.status() == 403) {
			return OpenAiError.of(status, "The provider refused your own API key for it (HTTP " + upstream.status() + ")"
					+ said(upstream) + ". Update the key under /api/v1/integrations.", null,
					status == 401 ? "invalid_api_key" : upstream.code());
		}
		if (status == 429) {
			return OpenAiError.of(429, upstream.message() != null ? upstream.message()
					: "The provider's rate limit was reached; try again later.", null,
					upstream.code() != null ? upstream.code() : "rate_limit_exceeded");
		}
		return OpenAiError.of(status, upstream.message() != null ? upstream.message()
				: "The provider refused the request (HTTP " + upstream.status() + ").", upstream.param(), upstream.code());
	}

	private static String said(UpstreamError upstream) {
		@Nullable String message = upstream.message();
		return message == null ? "" : ": " + message;
	}
}
