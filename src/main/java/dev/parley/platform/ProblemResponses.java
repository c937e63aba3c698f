package dev.parley.platform;

import java.util.List;

import dev.parley.platform.limits.RateLimitExceeded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that leaves a controller into an RFC 9457 problem. Module facts
 * ({@link ParleyException}) carry their own kind; framework exceptions get Spring's problem,
 * enriched with the request id and the type of its status; anything unexpected becomes a 500 that
 * reveals nothing. {@link ProblemWriter} gives the problem the shape of the request's API.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	private final ProblemWriter problemWriter;

	ProblemResponses(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@ExceptionHandler(ParleyException.class)
	ResponseEntity<Object> fact(ParleyException ex, HttpServletRequest request) {
		ProblemDetail problem = ex.invalidFields().isEmpty() ? Problems.of(ex.kind(), ex.getMessage())
				: Problems.validation(ex.invalidFields()
					.entrySet()
					.stream()
					.map(field -> new Problems.FieldError(field.getKey(), field.getValue()))
					.toList());
		ex.extensions().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		ex.retryAfter().ifPresent(wait -> {
			long seconds = Problems.retryAfterSeconds(wait);
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			problem.setProperty("retry_after", seconds);
		});
		if (ex instanceof RateLimitExceeded limited) {
			limited.headerFields().forEach(headers::set);
		}
		return problemWriter.entity(request, problem, headers);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		List<Problems.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> new Problems.FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return problemWriter.entity(request, Problems.validation(errors), HttpHeaders.EMPTY);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unhandled exception", ex);
		return problemWriter.entity(request, Problems.of(ProblemKind.INTERNAL_ERROR,
				"Something went wrong on our side. Quote the request id if you report it."), HttpHeaders.EMPTY);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new Problems.FieldError(Problems.wireName(error.getField()), error.getDefaultMessage()))
			.toList();
		return respond(request, Problems.validation(errors));
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
		return respond(request, Problems.validation(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (BodyTooLarge.causedIt(ex)) {
			return respond(request, Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, BodyTooLarge.DETAIL));
		}
		return respond(request, JsonInputErrors.fieldError(ex)
			.map(error -> Problems.validation(List.of(error)))
			.orElseGet(() -> Problems.of(ProblemKind.INVALID_REQUEST, "The request body is missing or is not valid JSON.")));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch && isPathVariable(mismatch.getParameter())) {
			// A malformed id names nothing that exists, exactly like an unknown one.
			return respond(request, Problems.of(ProblemKind.NOT_FOUND, "No such resource."));
		}
		String name = ex.getPropertyName() == null ? "parameter" : Problems.wireName(ex.getPropertyName());
		return respond(request, Problems.validation(List.of(new Problems.FieldError(name, invalidValue(ex)))));
	}

	/** Spring's detail names a "static resource"; the client only asked for a path that is not there. */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return respond(request, Problems.of(ProblemKind.NOT_FOUND, "There is nothing at this path."));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (!(body instanceof ProblemDetail problem)) {
			return super.createResponseEntity(body, headers, statusCode, request);
		}
		return problemWriter.entity(servletRequest(request), problem, headers);
	}

	private ResponseEntity<Object> respond(WebRequest request, ProblemDetail problem) {
		return problemWriter.entity(servletRequest(request), problem, HttpHeaders.EMPTY);
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return ((ServletWebRequest) request).getRequest();
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

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return Problems.wireName(dot < 0 ? propertyPath : propertyPath.substring(dot + 1));
	}
}
