package dev.parley.ai.provider;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A provider call that failed: the HTTP status it answered with ({@code 0} when there was no
 * answer: connection refused, reset, timed out), and how long it asked us to wait, if it did.
 * The message must never contain a credential.
 */
public class ProviderError extends RuntimeException {

	private final int status;

	private final @Nullable Duration retryAfter;

	public ProviderError(int status, @Nullable Duration retryAfter, String message, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public int status() {
		return status;
	}

	public @Nullable Duration retryAfter() {
		return retryAfter;
	}

	/** 408, 429, 5xx and no answer at all are worth another try; 400/401/403/404 are not. */
	public boolean retryable() {
		return status == 0 || status == 408 || status == 429 || status >= 500;
	}
}
