package dev.parley.ai.resilience;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.parley.ai.AiProperties;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderTimeout;
import org.jspecify.annotations.Nullable;

/**
 * When to try a failed provider call again, if at all: only failures worth retrying, at most
 * {@code max-attempts} calls, waiting {@code initial-backoff} doubled after each failure (capped,
 * with jitter), and never less than the provider's {@code Retry-After}; a provider asking for more
 * than {@code max-retry-after} is not tried again.
 */
final class Backoff {

	private final AiProperties.Retry settings;

	Backoff(AiProperties.Retry settings) {
		this.settings = settings;
	}

	/** The wait before the next attempt, or {@code null} for none; {@code attempts} made so far. */
	@Nullable Duration next(Throwable failure, int attempts) {
		if (!(failure instanceof ProviderError error) || !error.retryable() || error instanceof ProviderTimeout
				|| attempts >= settings.maxAttempts()) {
			return null;
		}
		if (error.retryAfter() != null && error.retryAfter().compareTo(settings.maxRetryAfter()) > 0) {
			return null;
		}
		double exponential = settings.initialBackoff().toMillis() * Math.pow(2, Math.max(0, attempts - 1));
		double capped = Math.min(exponential, settings.maxBackoff().toMillis());
		double jitter = settings.jitter() * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
		Duration wait = Duration.ofMillis(Math.max(0, Math.round(capped * (1 + jitter))));
		if (error.retryAfter() != null && error.retryAfter().compareTo(wait) > 0) {
			return error.retryAfter();
		}
		return wait;
	}
}
