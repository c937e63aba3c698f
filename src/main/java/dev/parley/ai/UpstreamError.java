package dev.parley.ai;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the provider answered a generation that failed, for an API that reports provider errors as
 * the provider's own (the OpenAI-compatible {@code /v1}): the HTTP status, the wait it asked for,
 * its words (cleaned of keys and URLs), and how the call was made.
 *
 * @param status the provider's HTTP status, {@code 0} when it did not answer
 * @param retryAfter how long the provider asked to wait, or {@code null}
 * @param message the provider's error message, safe to show, or {@code null} when it gave none
 * @param param the request field it named, or {@code null}
 * @param code its machine-readable reason, or {@code null}
 * @param ownKey whether the call was made with the user's own key
 * @param attempts how many calls Parley made, retries included
 */
public record UpstreamError(int status, @Nullable Duration retryAfter, @Nullable String message,
		@Nullable String param, @Nullable String code, boolean ownKey, int attempts) {

	/** Whether Parley already tried again, so a client should not multiply the calls by retrying too. */
	public boolean retried() {
		return attempts > 1;
	}
}
