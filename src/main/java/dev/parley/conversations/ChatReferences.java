package dev.parley.conversations;

import java.util.UUID;

/**
 * Whether a chat may name an agent or a project: they must be the user's own. Conversations sits
 * below the module that owns agents and projects ({@code agents}), so it declares this port and
 * {@code agents} provides the bean, the way {@link KnownModels} is provided by {@code ai}.
 */
public interface ChatReferences {

	boolean isOwnAgent(UUID userId, UUID agentId);

	boolean isOwnProject(UUID userId, UUID projectId);
}
