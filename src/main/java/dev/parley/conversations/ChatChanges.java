package dev.parley.conversations;

/**
 * Changes to a chat: {@code null} leaves a field as it is; a blank title, model, system prompt,
 * agent or project clears it.
 *
 * @param agentId the agent that runs the chat's turns, as the client wrote it (a UUID, or blank)
 * @param projectId the project it belongs to, as the client wrote it (a UUID, or blank)
 */
public record ChatChanges(String title, String model, String systemPrompt, Boolean archived, Boolean bookmarked,
		String agentId, String projectId) {

	public ChatChanges(String title, String model, String systemPrompt, Boolean archived, Boolean bookmarked) {
		this(title, model, systemPrompt, archived, bookmarked, null, null);
	}
}
