package dev.parley.ai;

import java.util.UUID;

import dev.parley.ai.credentials.CredentialResolver;
import org.jspecify.annotations.Nullable;

/**
 * A model resolved for one user once, with the credential to call it with: what a turn checks
 * before it stores anything (an unknown model, a provider that needs the user's own key) and then
 * generates with ({@link Generations#start(GenerationRequest, GenerationObserver, GenerationSlot,
 * PreparedModel)}), without resolving either again.
 */
public final class PreparedModel {

	private final ModelInfo model;

	private final @Nullable UUID userId;

	private final CredentialResolver.Resolved credential;

	PreparedModel(ModelInfo model, @Nullable UUID userId, CredentialResolver.Resolved credential) {
		this.model = model;
		this.userId = userId;
		this.credential = credential;
	}

	/** What the catalogue knows of the model (id, context window, price). */
	public ModelInfo model() {
		return model;
	}

	@Nullable UUID userId() {
		return userId;
	}

	CredentialResolver.Resolved credential() {
		return credential;
	}
}
