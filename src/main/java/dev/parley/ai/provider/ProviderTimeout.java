package dev.parley.ai.provider;

/**
 * A provider call that got no answer in time: the connection could not be opened, or the provider
 * went silent. It is a {@link ProviderError} with no status.
 */
public class ProviderTimeout extends ProviderError {

	public ProviderTimeout(String message, Throwable cause) {
		super(0, null, message, cause);
	}
}
