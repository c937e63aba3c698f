package dev.parley.ai.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.google.genai.errors.ApiException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns what the provider clients throw (OpenAI, Anthropic, Google GenAI and AWS SDK exceptions,
 * Spring's HTTP client exceptions, I/O failures) into a {@link ProviderError} that carries the HTTP
 * status and the {@code Retry-After} the provider sent. The message names the provider and the
 * status only: response bodies may echo parts of a key, so they never go into it.
 */
final class ProviderErrors {

	private ProviderErrors() {
	}

	static ProviderError translate(String provider, Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			ProviderError known = known(provider, cause);
			if (known != null) {
				return known;
			}
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (isTimeout(cause)) {
				return new ProviderTimeout(provider + " did not answer in time", error);
			}
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException || cause instanceof OpenAIIoException
					|| cause instanceof AnthropicIoException || cause instanceof SdkClientException
					|| cause instanceof WebClientRequestException) {
				return new ProviderError(0, null, provider + " could not be reached or broke the connection", error);
			}
		}
		return new ProviderError(0, null, provider + " call failed (" + error.getClass().getSimpleName() + ")", error);
	}

	private static @Nullable ProviderError known(String provider, Throwable cause) {
		return switch (cause) {
			case ProviderError providerError -> providerError;
			case OpenAIServiceException ex -> status(provider, ex.statusCode(),
					retryAfter(first(ex.headers().values("retry-after-ms")), first(ex.headers().values("retry-after"))), ex);
			case AnthropicServiceException ex -> anthropic(provider, ex,
					retryAfter(first(ex.headers().values("retry-after-ms")), first(ex.headers().values("retry-after"))));
			case WebClientResponseException ex -> status(provider, ex.getStatusCode().value(),
					retryAfter(null, ex.getHeaders().getFirst("Retry-After")), ex);
			case RestClientResponseException ex -> status(provider, ex.getStatusCode().value(),
					retryAfter(null, ex.getResponseHeaders() == null ? null : ex.getResponseHeaders().getFirst("Retry-After")), ex);
			case ApiException ex -> status(provider, ex.code(), null, ex);
			case AwsServiceException ex -> status(provider, ex.statusCode(), retryAfter(null,
					ex.awsErrorDetails() == null || ex.awsErrorDetails().sdkHttpResponse() == null ? null
							: ex.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").orElse(null)),
					ex);
			default -> null;
		};
	}

	/** Anthropic's refusals keep their own words ({@code model: claude-x}), cleaned of keys and URLs. */
	private static ProviderError anthropic(String provider, AnthropicServiceException ex, @Nullable Duration retryAfter) {
		int status = ex.statusCode();
		if (status < 400 || status >= 500) {
			return status(provider, status, retryAfter, ex);
		}
		String message = null;
		try {
			Object error = ex.body().convert(java.util.Map.class) instanceof java.util.Map<?, ?> body ? body.get("error")
					: null;
			if (error instanceof java.util.Map<?, ?> details && details.get("message") instanceof String text) {
				message = ErrorBodies.clean(text);
			}
		}
		catch (RuntimeException unreadable) {
			// The body is not the error object Anthropic documents: its status still says enough.
		}
		return new ProviderRefusal(status, retryAfter, provider + " answered HTTP " + status, message, null, null);
	}

	private static ProviderError status(String provider, int status, @Nullable Duration retryAfter, Throwable cause) {
		return new ProviderError(status, retryAfter, provider + " answered HTTP " + status, cause);
	}

	private static boolean isTimeout(Throwable cause) {
		return cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException
				|| cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("TimeoutException");
	}

	private static @Nullable String first(@Nullable List<String> values) {
		return values == null || values.isEmpty() ? null : values.getFirst();
	}

	/** Reads {@code retry-after-ms} (OpenAI's) or {@code Retry-After} in seconds or as an HTTP date. */
	static @Nullable Duration retryAfter(@Nullable String millis, @Nullable String header) {
		try {
			if (millis != null && !millis.isBlank()) {
				return Duration.ofMillis((long) Double.parseDouble(millis.trim()));
			}
			if (header == null || header.isBlank()) {
				return null;
			}
			String value = header.trim();
			if (Character.isDigit(value.charAt(0))) {
				return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
			}
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(Instant.now(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}
