package dev.parley.platform;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that leaves a controller into an RFC 9457 problem. Module facts
 * ({@link ParleyException}) carry their own kind; framework exceptions get Spring's problem,
 * enriched with the request id; anything unexpected becomes a 500 that reveals nothing.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	@ExceptionHandler(ParleyException.class)
	ResponseEntity<ProblemDetail> fact(ParleyException ex) {
		ProblemDetail problem = ex.invalidFields().isEmpty() ? Problems.of(ex.kind(), ex.getMessage())
				: Problems.validation(ex.invalidFields()
					.entrySet()
					.stream()
					.map(field -> new Problems.FieldError(field.getKey(), field.getValue()))
					.toList());
		HttpHeaders headers = new HttpHeaders();
		ex.retryAfter().ifPresent(wait -> {
			long seconds = Problems.retryAfterSeconds(wait);
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			problem.setProperty("retry_after", seconds);
		});
		return problem(ex.kind().status()).headers(headers).body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Problems.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> new Problems.FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return problem(400).body(Problems.validation(errors));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unhandled exception", ex);
		return problem(500)
			.body(Problems.ofStatus(500, "Internal server error",
					"Something went wrong on our side. Quote the request id if you report it."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new Problems.FieldError(Problems.wireName(error.getField()), error.getDefaultMessage()))
			.toList();
		return problem(400).body(Problems.validation(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new Problems.FieldError(Problems.wireName(result.getMethodParameter().getParameterName()),
						error.getDefaultMessage())))
			.toList();
		return problem(400).body(Problems.validation(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedByOversizedBody(ex)) {
			return problem(413).body(Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.DETAIL));
		}
		return JsonInputErrors.fieldError(ex)
			.<ResponseEntity<Object>>map(error -> problem(400).body(Problems.validation(List.of(error))))
			.orElseGet(() -> problem(400)
				.body(Problems.of(ProblemKind.INVALID_REQUEST, "The request body is missing or is not valid JSON.")));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch && isPathVariable(mismatch.getParameter())) {
			// A malformed id names nothing that exists, exactly like an unknown one.
			return problem(404).body(Problems.of(ProblemKind.NOT_FOUND, "No such resource."));
		}
		String name = ex.getPropertyName() == null ? "parameter" : Problems.wireName(ex.getPropertyName());
		return problem(400).body(Problems.validation(List.of(new Problems.FieldError(name, invalidValue(ex)))));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (!(body instanceof ProblemDetail problem)) {
			return super.createResponseEntity(body, headers, statusCode, request);
		}
		Problems.withRequestId(problem);
		HttpHeaders withType = new HttpHeaders();
		withType.putAll(headers);
		withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.createResponseEntity(body, withType, statusCode, request);
	}

	/**
	 * A problem is JSON whatever the client accepts: a client that asked for an event stream still
	 * gets the problem that stopped its request, not a 406.
	 */
	private static ResponseEntity.BodyBuilder problem(int status) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** The reason a parameter's binding gave, when it is one that is safe to show. */
	private static String invalidValue(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InstantParameters.InvalidParameter invalid) {
				return invalid.getMessage();
			}
		}
		return "has an invalid value";
	}

	private static boolean isPathVariable(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(PathVariable.class);
	}

	private static boolean causedByOversizedBody(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimitFilter.BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return Problems.wireName(dot < 0 ? propertyPath : propertyPath.substring(dot + 1));
	}
}
