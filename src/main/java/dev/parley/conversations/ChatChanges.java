package dev.parley.conversations;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a chat: {@code null} leaves a field as it is; a blank title, model, system prompt,
 * agent or project clears it.
 *
 * @param agentId the agent that runs the chat's turns, as the client wrote it (a UUID, or blank)
 * @param projectId the project it belongs to, as the client wrote it (a UUID, or blank)
 */
public record ChatChanges(@Nullable String title, @Nullable String model, @Nullable String systemPrompt,
		@Nullable Boolean archived, @Nullable Boolean bookmarked, @Nullable String agentId, @Nullable String projectId) {

	public ChatChanges(@Nullable String title, @Nullable String model, @Nullable String systemPrompt,
			@Nullable Boolean archived, @Nullable Boolean bookmarked) {
		this(title, model, systemPrompt, archived, bookmarked, null, null);
	}
}
