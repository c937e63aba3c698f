package dev.parley.ai.openai;

import java.util.stream.Collectors;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.UnknownModel;
import dev.parley.platform.BodyTooLarge;
import dev.parley.platform.JsonInputErrors;
import dev.parley.platform.ParleyException;
import dev.parley.platform.Problems;
import dev.parley.platform.limits.RateLimitExceeded;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Errors of the {@code /v1} controllers in OpenAI's shape ({@link OpenAiError}) rather than as the
 * RFC 9457 problems the rest of the API answers with. Scoped to those controllers and ordered
 * before the platform's handler, so it answers everything they throw. A missing or wrong key is
 * answered in the same shape by {@link OpenAiAuthentication}; errors raised before a controller is
 * picked (unknown path, wrong method, a body whose declared length is over the limit) by the
 * platform, through the {@code /v1} {@link dev.parley.platform.PathErrorFormat}.
 */
@RestControllerAdvice(assignableTypes = { ChatCompletionsController.class, OpenAiModelsController.class,
		ResponsesController.class, EmbeddingsController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrors {

	private static final Logger log = LoggerFactory.getLogger(OpenAiErrors.class);

	@ExceptionHandler(UnknownModel.class)
	ResponseEntity<OpenAiError> unknownModel(UnknownModel ex) {
		return json(404).body(OpenAiError.of(404, ex.getMessage(), "model", "model_not_found"));
	}

	/** A provider's failure, as OpenAI would have answered it (the provider's status where it is the client's fault). */
	@ExceptionHandler(GenerationFailed.class)
	ResponseEntity<OpenAiError> generationFailed(GenerationFailed ex) {
		return UpstreamErrors.response(ex);
	}

	@ExceptionHandler(ParleyException.class)
	ResponseEntity<OpenAiError> fact(ParleyException ex) {
		HttpHeaders headers = new HttpHeaders();
		ex.retryAfter()
			.ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER,
					Long.toString(Problems.retryAfterSeconds(wait))));
		if (ex instanceof RateLimitExceeded limited) {
			limited.headerFields().forEach(headers::set);
		}
		return json(ex.kind().status()).headers(headers).body(OpenAiError.of(ex));
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<OpenAiError> invalid(MethodArgumentNotValidException ex) {
		FieldError first = ex.getBindingResult().getFieldErrors().stream().findFirst().orElse(null);
		String message = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Problems.wireName(error.getField()) + ": " + error.getDefaultMessage())
			.collect(Collectors.joining("; "));
		return json(400).body(OpenAiError.of(400, message.isEmpty() ? "The request is invalid." : message,
					first == null ? null : Problems.wireName(first.getField()), null));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<OpenAiError> unreadable(HttpMessageNotReadableException ex) {
		if (BodyTooLarge.causedIt(ex)) {
			return json(413).body(OpenAiError.of(413, BodyTooLarge.DETAIL, null, null));
		}
		return json(400).body(JsonInputErrors.fieldError(ex)
			.map(error -> OpenAiError.of(400, error.field() + ": " + error.message(), error.field(), null))
			.orElseGet(() -> OpenAiError.of(400, "The request body is missing or is not valid JSON of the expected shape.",
					null, null)));
	}

	/** The client went away while its answer streamed: there is nobody to answer. */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	@Nullable ResponseEntity<Void> disconnected() {
		return null;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<OpenAiError> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
			int status = framework.getStatusCode().value();
			String detail = framework.getBody().getDetail();
			return json(status).body(OpenAiError.of(status, detail == null ? "The request is invalid." : detail, null, null));
		}
		log.error("Unhandled exception", ex);
		return json(500).body(OpenAiError.of(500, "Something went wrong on our side. Quote the X-Request-Id header if you report it.",
					null, null));
	}

	/**
	 * Errors are JSON whatever the client accepts: a streamed request ({@code Accept:
	 * text/event-stream}) that fails before its stream starts must still get its error, not a 406.
	 */
	private static ResponseEntity.BodyBuilder json(int status) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
	}
}
