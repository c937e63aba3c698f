package dev.parley.ai.openai;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;

import jakarta.validation.Validator;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a chat completion that is translated (not passed through) into a
 * {@link ChatCompletionRequest} and validates it exactly as {@code @Valid @RequestBody} would:
 * with the application's JSON mapper and validator, failing with the same exceptions, so its
 * errors read the same. The controller takes the body as bytes because a request passed through
 * must reach the server as sent.
 */
@Component
class TranslatedRequests {

	private static final MethodParameter BODY;

	static {
		try {
			Method read = TranslatedRequests.class.getDeclaredMethod("read", byte[].class);
			BODY = new MethodParameter(read, 0);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final JsonMapper json;

	private final SpringValidatorAdapter validator;

	TranslatedRequests(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = new SpringValidatorAdapter(validator);
	}

	/**
	 * @throws HttpMessageNotReadableException when the body is not JSON of the request's shape
	 * @throws MethodArgumentNotValidException when a field fails its check
	 */
	ChatCompletionRequest read(byte[] body) throws MethodArgumentNotValidException {
		ChatCompletionRequest request;
		try {
			request = json.readValue(body, ChatCompletionRequest.class);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("The request body could not be read", ex, new Body(body));
		}
		if (request == null) {
			throw new HttpMessageNotReadableException("The request body is missing", new Body(body));
		}
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "chatCompletionRequest");
		validator.validate(request, errors);
		if (errors.hasErrors()) {
			throw new MethodArgumentNotValidException(BODY, errors);
		}
		return request;
	}

	private record Body(byte[] bytes) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(bytes);
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}
	}
}
