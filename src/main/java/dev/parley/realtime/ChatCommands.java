package dev.parley.realtime;

import java.util.UUID;

import dev.parley.conversations.MessageView;
import org.jspecify.annotations.Nullable;

/**
 * What a WebSocket client may ask of the module that runs turns ({@code agents} provides it): a
 * lower module's inbound adapter reaching a higher module through a port it declares, as
 * {@code platform.PublicEndpoints} does. Failures are {@link dev.parley.platform.ParleyException}s,
 * sent back as {@code error} frames.
 */
public interface ChatCommands {

	/**
	 * Starts a turn of this user in their chat, as {@code POST /api/v1/chats/{id}/completions} does;
	 * its reply is generated on its own and reaches the chat's subscribers through its event log.
	 * @throws dev.parley.conversations.ChatNotFound when the chat is not theirs
	 */
	Sent send(UUID userId, UUID chatId, Send request);

	/**
	 * Decides a tool call that paused a run of this user, as {@code POST /api/v1/runs/{id}/approvals}.
	 * @param decision {@code approve} or {@code deny}
	 * @param scope {@code once} (when {@code null}), {@code run} or {@code always}
	 */
	void answerApproval(UUID userId, UUID runId, UUID stepId, String decision, @Nullable String scope);

	/**
	 * A message to send.
	 * @param model the model, or {@code null} for the chat's
	 * @param agentId the agent to run, or {@code null} for the chat's (if any)
	 */
	record Send(String content, @Nullable String model, @Nullable UUID agentId) {
	}

	/** A turn under way: the stored user message and the id of the reply being generated. */
	record Sent(MessageView userMessage, UUID replyId) {
	}
}
