package dev.parley.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The limits of the credential the current request authenticated with: an API key's own
 * ({@link ApiKeyLimits}), read with the key at authentication (no query of its own). Interactive
 * sessions (access tokens) have none here; the server-wide caps apply to them.
 */
@Component
public class CallerLimits {

	private final int defaultMaxParallelRequests;

	CallerLimits(IdentityProperties properties) {
		this.defaultMaxParallelRequests = properties.apiKeys().defaultMaxParallelRequests();
	}

	/** The limits of the API key of the request this thread serves; empty for an access token or no request. */
	public Optional<ApiKeyLimits> ofCurrentApiKey() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof AuthenticatedUserToken token ? Optional.ofNullable(token.keyLimits())
				: Optional.empty();
	}

	/** How many generations the key may have running at once: its own setting or the server's default. */
	public int maxParallelRequests(ApiKeyLimits limits) {
		Integer own = limits.maxParallelRequests();
		return own != null ? own : defaultMaxParallelRequests;
	}
}
