package dev.parley.identity;

import java.security.Principal;
import java.util.UUID;

/**
 * The caller of a request, as controllers receive it with {@code @AuthenticationPrincipal}.
 *
 * @param id the user's id
 * @param role the user's role when the token was issued
 * @param sessionId the refresh-token family the access token belongs to
 */
public record AuthenticatedUser(UUID id, Role role, UUID sessionId) implements Principal {

	@Override
	public String getName() {
		return id.toString();
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}
}
