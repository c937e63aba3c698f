package dev.parley.ai.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A provider answered a call with an HTTP error and said why in OpenAI's error shape: its
 * {@code message}, {@code param} and {@code code}, already cleaned of keys and URLs (see
 * {@link ErrorBodies}), so they may be shown to the client whose request it was.
 */
public class ProviderRefusal extends ProviderError {

	private final @Nullable String upstreamMessage;

	private final @Nullable String param;

	private final @Nullable String code;

	public ProviderRefusal(int status, @Nullable Duration retryAfter, String message, @Nullable String upstreamMessage,
			@Nullable String param, @Nullable String code) {
		super(status, retryAfter, message, null);
		this.upstreamMessage = upstreamMessage;
		this.param = param;
		this.code = code;
	}

	/** The provider's own words, cleaned, or {@code null} when it gave none. */
	public @Nullable String upstreamMessage() {
		return upstreamMessage;
	}

	public @Nullable String param() {
		return param;
	}

	public @Nullable String code() {
		return code;
	}
}
