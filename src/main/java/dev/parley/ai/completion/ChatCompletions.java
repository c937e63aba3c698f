package dev.parley.ai.completion;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationSlot;
import dev.parley.ai.Generations;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.PromptMessage;
import dev.parley.conversations.Chat;
import dev.parley.conversations.Chats;
import dev.parley.conversations.Message;
import dev.parley.conversations.MessageRole;
import dev.parley.conversations.MessageStatus;
import dev.parley.conversations.MessageView;
import dev.parley.conversations.Replies;
import org.springframework.stereotype.Service;

/**
 * A turn of a chat with a model. The user's message is committed before any provider is called;
 * the reply exists as a streaming message from the first moment, is saved as it grows, and ends
 * completed, failed or interrupted. The generation runs on its own: a client that goes away does
 * not stop it, and it can be followed again, or cancelled, by message id.
 */
@Service
class ChatCompletions {

	/** The most messages read to build a prompt; the context window usually trims earlier. */
	private static final int HISTORY_LIMIT = 500;

	private final Chats chats;

	private final Replies replies;

	private final Generations generations;

	private final LiveReplies live;

	private final AiProperties properties;

	private final Clock clock;

	ChatCompletions(Chats chats, Replies replies, Generations generations, LiveReplies live, AiProperties properties,
			Clock clock) {
		this.chats = chats;
		this.replies = replies;
		this.generations = generations;
		this.live = live;
		this.properties = properties;
		this.clock = clock;
	}

	Turn start(UUID userId, UUID chatId, TurnRequest request) {
		Chat chat = chats.get(chatId, userId);
		ModelInfo model = generations.model(request.model() != null ? request.model() : chat.model());
		// The place is taken before anything is stored: a turn refused for want of one leaves no trace.
		GenerationSlot slot = generations.reserve(userId);
		Message draft = null;
		try {
			Message userMessage = chats.post(chatId, userId, MessageRole.USER, request.content());
			int answerTokens = request.maxTokens() == null ? properties.limits().maxTokens()
					: Math.min(request.maxTokens(), properties.limits().maxTokens());
			List<PromptMessage> prompt = PromptAssembler.assemble(chat.systemPrompt(),
					replies.promptHistory(chatId, userId, HISTORY_LIMIT,
							PromptAssembler.historyChars(model.contextWindow(), answerTokens)),
					model.contextWindow(), answerTokens);
			draft = replies.start(chatId, userId, model.id().toString());
			LiveReply reply = new LiveReply(draft.id(), chatId, replies, id -> replies.get(id, userId),
					clock.instant());
			live.add(reply);
			GenerationRequest generation = new GenerationRequest(userId, model.id().toString(), prompt,
					request.temperature(), answerTokens, chatId);
			reply.attach(generations.start(generation, reply, slot));
			return new Turn(MessageView.from(userMessage), reply);
		}
		catch (RuntimeException ex) {
			slot.release();
			if (draft != null) {
				replies.fail(draft.id(), "", ex.getMessage());
			}
			throw ex;
		}
	}

	/** Follows a reply of this user from a text offset: live if it is generating here, else stored. */
	ReplySource follow(UUID messageId, UUID userId) {
		Message reply = replies.get(messageId, userId);
		return live.find(reply.id()).<ReplySource>map(running -> running)
			.orElseGet(() -> new StoredReply(() -> replies.get(messageId, userId)));
	}

	/** Stops a reply of this user that is still being generated, keeping what it received. */
	MessageView cancel(UUID messageId, UUID userId) {
		Message message = chats.message(messageId, userId);
		if (message.status() != MessageStatus.STREAMING) {
			throw new ReplyNotRunning();
		}
		return live.find(messageId).map(reply -> {
			reply.cancel();
			ReplyOutcome outcome = reply.outcome().join();
			if (outcome.message() == null) {
				throw new ReplyGone();
			}
			return outcome.message();
		}).orElseGet(() -> MessageView.from(replies.interruptOwned(messageId, userId)));
	}

	/** A turn under way: the committed user message and the reply being generated. */
	record Turn(MessageView userMessage, LiveReply reply) {
	}

	/**
	 * What the user asked for.
	 *
	 * @param content the user's message
	 * @param model the model, or {@code null} for the chat's, else the server's default
	 * @param temperature or {@code null}
	 * @param maxTokens or {@code null} for the server's cap
	 */
	record TurnRequest(String content, String model, Double temperature, Integer maxTokens) {
	}
}
