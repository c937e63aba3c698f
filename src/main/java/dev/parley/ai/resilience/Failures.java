package dev.parley.ai.resilience;

import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationFailed.Reason;
import dev.parley.ai.provider.ProviderError;
import dev.parley.ai.provider.ProviderTimeout;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/** What a failed provider stream means for the generation, in words safe to show a client. */
final class Failures {

	private Failures() {
	}

	static GenerationFailed of(String provider, Throwable error, boolean spoke) {
		return switch (error) {
			case GenerationFailed failed -> failed;
			case CallNotPermittedException open -> new GenerationFailed(Reason.UNAVAILABLE,
					"The provider '" + provider + "' is unavailable after repeated failures; try again shortly.");
			case ProviderTimeout timeout -> new GenerationFailed(Reason.TIMEOUT,
					"The provider '" + provider + "' did not answer in time.");
			case ProviderError failed when failed.status() == 401 || failed.status() == 403 -> new GenerationFailed(
					Reason.PROVIDER_REJECTED,
					"The provider refused the API key (HTTP " + failed.status() + ").");
			case ProviderError failed when !failed.retryable() -> new GenerationFailed(Reason.PROVIDER_REJECTED,
					"The provider refused the request (HTTP " + failed.status() + ").");
			case ProviderError failed when spoke -> new GenerationFailed(Reason.PROVIDER_ERROR,
					"The provider '" + provider + "' broke off its answer.");
			case ProviderError failed -> new GenerationFailed(Reason.PROVIDER_ERROR, "The provider '" + provider
					+ "' failed to answer" + (failed.status() == 0 ? "." : " (HTTP " + failed.status() + ")."));
			default -> new GenerationFailed(Reason.PROVIDER_ERROR, "The provider '" + provider + "' failed to answer.");
		};
	}
}
