package dev.parley.ai.anthropic;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.UnknownModel;
import dev.parley.ai.UpstreamError;
import dev.parley.platform.BodyTooLarge;
import dev.parley.platform.JsonInputErrors;
import dev.parley.platform.ParleyException;
import dev.parley.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Errors of {@code /v1/messages} in Anthropic's shape ({@link AnthropicError}), ordered before the
 * platform's handler. Errors raised before the controller runs (no key, unknown method, a body over
 * the limit) take the same shape through {@link AnthropicAuthentication}.
 */
@RestControllerAdvice(assignableTypes = MessagesController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnthropicErrors {

	private static final Logger log = LoggerFactory.getLogger(AnthropicErrors.class);

	@ExceptionHandler(UnknownModel.class)
	ResponseEntity<AnthropicError> unknownModel(UnknownModel ex) {
		return json(404).body(AnthropicError.of(404, "model: " + ex.getMessage()));
	}

	/**
	 * A provider's failure: its own status where the request was the client's fault (an unknown
	 * model is a 404), with its message; 502, 503 or 504 otherwise.
	 */
	@ExceptionHandler(GenerationFailed.class)
	ResponseEntity<AnthropicError> generationFailed(GenerationFailed ex) {
		int status = ex.clientStatus();
		HttpHeaders headers = new HttpHeaders();
		UpstreamError upstream = ex.upstream().orElse(null);
		if (upstream != null && status == 429 && upstream.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(upstream.retryAfter())));
		}
		String message = upstream != null && status < 500 && upstream.message() != null ? upstream.message()
				: ex.getMessage();
		return json(status).headers(headers).body(AnthropicError.of(status, message));
	}

	@ExceptionHandler(ParleyException.class)
	ResponseEntity<AnthropicError> fact(ParleyException ex) {
		HttpHeaders headers = new HttpHeaders();
		ex.retryAfter()
			.ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(wait))));
		return json(ex.kind().status()).headers(headers).body(AnthropicError.of(ex));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<AnthropicError> unreadable(HttpMessageNotReadableException ex) {
		if (BodyTooLarge.causedIt(ex)) {
			return json(413).body(AnthropicError.of(413, BodyTooLarge.DETAIL));
		}
		return json(400).body(JsonInputErrors.fieldError(ex)
			.map(error -> AnthropicError.of(400, error.field() + ": " + error.message()))
			.orElseGet(() -> AnthropicError.of(400, "The request body is missing or is not valid JSON.")));
	}

	@ExceptionHandler(AsyncRequestNotUsableException.class)
	@Nullable ResponseEntity<Void> disconnected() {
		return null;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<AnthropicError> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
			int status = framework.getStatusCode().value();
			String detail = framework.getBody().getDetail();
			return json(status).body(AnthropicError.of(status, detail == null ? "The request is invalid." : detail));
		}
		log.error("Unhandled exception", ex);
		return json(500).body(AnthropicError.of(500,
				"Something went wrong on our side. Quote the X-Request-Id header if you report it."));
	}

	private static ResponseEntity.BodyBuilder json(int status) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
	}
}
