package dev.parley.identity;

import java.security.Principal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The caller of a request, as controllers receive it with {@code @AuthenticationPrincipal}. A
 * caller proves who they are with an access token (a login session) or with one of their API keys;
 * exactly one of {@code sessionId} and {@code apiKeyId} is set.
 *
 * @param id the user's id
 * @param role the user's role: as the access token states it, or as the account has it now for API keys
 * @param sessionId the refresh-token family the access token belongs to; {@code null} for API keys
 * @param apiKeyId the API key the request was made with; {@code null} for access tokens
 */
public record AuthenticatedUser(UUID id, Role role, @Nullable UUID sessionId, @Nullable UUID apiKeyId) implements Principal {

	/** A caller holding an access token of the session {@code sessionId}. */
	public AuthenticatedUser(UUID id, Role role, UUID sessionId) {
		this(id, role, sessionId, null);
	}

	static AuthenticatedUser withApiKey(UUID id, Role role, UUID apiKeyId) {
		return new AuthenticatedUser(id, role, null, apiKeyId);
	}

	@Override
	public String getName() {
		return id.toString();
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	/** Whether the request was made with an API key rather than a login session's access token. */
	public boolean viaApiKey() {
		return apiKeyId != null;
	}
}
