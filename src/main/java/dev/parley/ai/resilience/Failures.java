package dev.parley.ai.resilience;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationFailed.Reason;
import dev.parley.ai.UpstreamError;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderRefusal;
import dev.parley.ai.provider.ProviderTimeout;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What a failed provider call means for the generation, in words safe to show a client, with what
 * the provider answered ({@link UpstreamError}) when it answered or went silent.
 */
final class Failures {

	private Failures() {
	}

	static GenerationFailed of(String provider, Throwable error, boolean spoke) {
		return of(provider, error, spoke, 1, false);
	}

	/**
	 * @param attempts the calls made, retries included
	 * @param ownKey whether they were made with the user's own key
	 */
	static GenerationFailed of(String provider, Throwable error, boolean spoke, int attempts, boolean ownKey) {
		UpstreamError upstream = error instanceof ProviderError failed ? upstream(failed, attempts, ownKey) : null;
		return switch (error) {
			case GenerationFailed failed -> failed;
			case CallNotPermittedException open -> new GenerationFailed(Reason.UNAVAILABLE,
					"The provider '" + provider + "' is unavailable after repeated failures; try again shortly.");
			case ProviderTimeout timeout -> new GenerationFailed(Reason.TIMEOUT,
					"The provider '" + provider + "' did not answer in time.", upstream);
			case ProviderError failed when failed.status() == 401 || failed.status() == 403 -> new GenerationFailed(
					Reason.PROVIDER_REJECTED,
					"The provider refused the API key (HTTP " + failed.status() + ").", upstream);
			case ProviderError failed when !failed.retryable() -> new GenerationFailed(Reason.PROVIDER_REJECTED,
					"The provider refused the request (HTTP " + failed.status() + ").", upstream);
			case ProviderError failed when spoke -> new GenerationFailed(Reason.PROVIDER_ERROR,
					"The provider '" + provider + "' broke off its answer.", upstream);
			case ProviderError failed -> new GenerationFailed(Reason.PROVIDER_ERROR, "The provider '" + provider
					+ "' failed to answer" + (failed.status() == 0 ? "." : " (HTTP " + failed.status() + ")."), upstream);
			default -> new GenerationFailed(Reason.PROVIDER_ERROR, "The provider '" + provider + "' failed to answer.");
		};
	}

	private static UpstreamError upstream(ProviderError error, int attempts, boolean ownKey) {
		if (error instanceof ProviderRefusal refusal) {
			return new UpstreamError(error.status(), error.retryAfter(), refusal.upstreamMessage(), refusal.param(),
					refusal.code(), ownKey, attempts);
		}
		return new UpstreamError(error.status(), error.retryAfter(), null, null, null, ownKey, attempts);
	}
}
