package dev.parley.ai.metering;

import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The API key the request this thread serves was made with, when it is {@code userId}'s. */
final class CallingKey {

	private CallingKey() {
	}

	static @Nullable UUID of(@Nullable UUID userId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (userId != null && authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser caller
				&& caller.id().equals(userId)) {
			return caller.apiKeyId();
		}
		return null;
	}
}
