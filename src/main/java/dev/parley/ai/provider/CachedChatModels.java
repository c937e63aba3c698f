package dev.parley.ai.provider;

import java.time.Duration;

import org.springframework.ai.chat.model.ChatModel;

/**
 * The chat models of one provider by credential: one for the server's key, built once, and a
 * bounded, idle-expiring cache of those built for users' own keys ({@link CachedClients}).
 */
final class CachedChatModels {

	private final CachedClients<ChatModel> models;

	CachedChatModels(ChatModelFactory factory, int maximumSize, Duration idle) {
		this.models = new CachedClients<>(factory::create, maximumSize, idle);
	}

	/** The model for this credential, held to the outbound address guard when {@code guarded} (a user's base URL). */
	ChatModel forCredential(ProviderCredential credential, boolean guarded) {
		return models.forCredential(credential, guarded);
	}

	long size() {
		return models.size();
	}
}
