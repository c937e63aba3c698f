package dev.parley.ai.quota;

import java.util.UUID;

import dev.parley.ai.GenerationRequest;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.QuotaExceeded;
import dev.parley.identity.AuthenticatedUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Admits each generation within its quotas before the provider is called. */
public interface QuotaGate {

	/** Admits everything and holds nothing: for generations built by hand, without quotas. */
	QuotaGate UNLIMITED = (caller, request, model) -> QuotaHold.NONE;

	/**
	 * Holds this generation's estimate against the quotas of its user (and of the role and API key of
	 * {@code caller}, when known).
	 * @throws QuotaExceeded when any quota would be exceeded; nothing is held then
	 */
	QuotaHold admit(@Nullable AuthenticatedUser caller, GenerationRequest request, ModelInfo model);

	/** The caller of the request this thread serves, when it is {@code userId}; else {@code null}. */
	static @Nullable AuthenticatedUser currentCaller(@Nullable UUID userId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (userId != null && authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
				&& user.id().equals(userId)) {
			return user;
		}
		return null;
	}
}
