package dev.parley.agents;

import java.util.List;
import java.util.UUID;

import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationSlot;
import dev.parley.ai.Generations;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.PreparedModel;
import dev.parley.ai.PromptMessage;
import dev.parley.conversations.Chat;
import dev.parley.conversations.Chats;
import dev.parley.conversations.MessageView;
import dev.parley.conversations.Replies;
import dev.parley.realtime.LiveReplies;
import dev.parley.realtime.LiveReply;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Runs the turns of chats: a plain chat turn is an agent run with no tools ({@link TurnPlan#plain()}).
 * Before any provider is called, the model and the user's credential are resolved once, a place
 * among the user's running generations is taken (a turn refused for want of one stores nothing),
 * and one transaction stores the user's message, reads the history within the context budget and
 * creates the reply's streaming draft. The reply is then generated on its own into its event log in
 * {@code realtime}: a client that goes away does not stop it, and it can be followed again, or
 * cancelled, by message id.
 * <p>
 * The tool loop comes in at {@link #plan}: a plan with tools will run the model again after each
 * round of tool calls, recording each call and result in the reply's log ({@link LiveReply#onToolCall},
 * {@link LiveReply#toolResult}, {@link LiveReply#approvalRequired}).
 */
@Service
public class Turns {

	/** The most messages read to build a prompt; the context window usually trims earlier. */
	private static final int HISTORY_LIMIT = 500;

	private final Chats chats;

	private final Replies replies;

	private final Generations generations;

	private final LiveReplies live;

	private final AiProperties properties;

	Turns(Chats chats, Replies replies, Generations generations, LiveReplies live, AiProperties properties) {
		this.chats = chats;
		this.replies = replies;
		this.generations = generations;
		this.live = live;
		this.properties = properties;
	}

	/**
	 * Starts a turn of this user in their chat.
	 * @throws dev.parley.conversations.ChatNotFound when the chat is not theirs
	 * @throws dev.parley.ai.UnknownModel for a model this server does not know, before anything is stored
	 * @throws dev.parley.ai.TooManyGenerations when the user has as many replies running as allowed
	 */
	public Turn start(UUID userId, UUID chatId, TurnRequest request) {
		Chat chat = chats.get(chatId, userId);
		PreparedModel prepared = generations.prepare(userId, request.model() != null ? request.model() : chat.model());
		ModelInfo model = prepared.model();
		TurnPlan plan = plan(chat);
		// The place is taken before anything is stored: a turn refused for want of one leaves no trace.
		GenerationSlot slot = generations.reserve(userId);
		LiveReply reply = null;
		try {
			int answerTokens = request.maxTokens() == null ? properties.limits().maxTokens()
					: Math.min(request.maxTokens(), properties.limits().maxTokens());
			Replies.TurnStart begun = replies.beginTurn(chatId, userId, request.content(), model.id().toString(),
					HISTORY_LIMIT, PromptAssembler.historyChars(model.contextWindow(), answerTokens));
			List<PromptMessage> prompt = PromptAssembler.assemble(chat.systemPrompt(), begun.history(),
					model.contextWindow(), answerTokens);
			reply = live.open(begun.draft(), userId);
			GenerationRequest generation = new GenerationRequest(userId, model.id().toString(), prompt,
					request.temperature(), answerTokens, chatId, plan.tools());
			reply.attach(generations.start(generation, reply, slot, prepared));
			return new Turn(MessageView.from(begun.userMessage()), reply);
		}
		catch (RuntimeException ex) {
			slot.release();
			if (reply != null) {
				replies.fail(reply.messageId(), "", ex.getMessage());
			}
			throw ex;
		}
	}

	/** What this chat's turns may do: for now every chat answers without tools. */
	TurnPlan plan(Chat chat) {
		return TurnPlan.plain();
	}

	/** A turn under way: the committed user message and the reply being generated. */
	public record Turn(MessageView userMessage, LiveReply reply) {
	}

	/**
	 * What the user asked for.
	 *
	 * @param content the user's message
	 * @param model the model, or {@code null} for the chat's, else the server's default
	 * @param temperature or {@code null}
	 * @param maxTokens or {@code null} for the server's cap
	 */
	public record TurnRequest(String content, @Nullable String model, @Nullable Double temperature,
			@Nullable Integer maxTokens) {
	}
}
