package dev.parley.agents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.agents.runs.LiveRuns;
import dev.parley.agents.runs.NewRun;
import dev.parley.agents.runs.Runs;
import dev.parley.ai.AiProperties;
import dev.parley.ai.CacheDirective;
import dev.parley.ai.CacheStatus;
import dev.parley.ai.Generation;
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
import dev.parley.platform.InvalidFields;
import dev.parley.realtime.LiveReply;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the turns of chats. Every turn is a run: a plain one (one model call, no tools, its ledger
 * written with the turn's first transaction and in one statement at its end), or a run of the chat's
 * agent (or of the one the turn names).
 * Before any provider is called, the model and the user's credential are resolved once, a place
 * among the user's running generations is taken (a turn refused for want of one stores nothing),
 * and one transaction stores the user's message, reads the history within the context budget and
 * creates the reply's streaming draft. The reply is then generated on its own into its event log in
 * {@code realtime}: a client that goes away does not stop it, and it can be followed again, or
 * cancelled, by message id.
 * <p>
 * An agent's turn is a run ({@link AgentRuns}): its model may call the agent's tools, round after
 * round, each call and result recorded in the run's ledger and in the reply's event log.
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

	private final Agents agents;

	private final AgentRuns agentRuns;

	private final Runs runs;

	private final LiveRuns liveRuns;

	private final AgentLimits limits;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Attachments attachments;

	Turns(Chats chats, Replies replies, Generations generations, LiveReplies live, AiProperties properties,
			Agents agents, AgentRuns agentRuns, Runs runs, LiveRuns liveRuns, AgentLimits limits,
			TransactionTemplate transactions, Clock clock, Attachments attachments) {
		this.attachments = attachments;
		this.runs = runs;
		this.liveRuns = liveRuns;
		this.limits = limits;
		this.transactions = transactions;
		this.clock = clock;
		this.agents = agents;
		this.agentRuns = agentRuns;
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
		RunningAgent agent = request.defaultAgent() ? agentRuns.defaultAgent(userId)
				: agentOf(userId, chat, request.agentId());
		String requestedModel = request.model() != null ? request.model()
				: agent != null && agent.settings().model() != null ? agent.settings().model() : chat.model();
		Double temperature = request.temperature() != null || agent == null ? request.temperature()
				: agent.settings().temperature();
		CacheDirective cache = cacheFor(request, agent, temperature);
		// A cached turn is one model call without tools: an agent's runs as a plain run, in its name.
		boolean plain = agent == null || cache != null;
		UUID plainAgentId = agent == null ? null : agent.id();
		PreparedModel prepared = generations.prepare(userId, requestedModel);
		ModelInfo model = prepared.model();
		// The place is taken before anything is stored: a turn refused for want of one leaves no trace.
		GenerationSlot slot = generations.reserve(userId);
		LiveReply reply = null;
		UUID plainRunId = null;
		Instant now = clock.instant();
		try {
			int answerTokens = request.maxTokens() == null ? properties.limits().maxTokens()
					: Math.min(request.maxTokens(), properties.limits().maxTokens());
			// The turn and, for a plain one, its run begin in one transaction (one commit).
			Begun started = transactions.execute(status -> {
				Replies.TurnStart turn = replies.beginTurn(chatId, userId, request.content(), request.fileIds(),
						model.id().toString(),
						HISTORY_LIMIT, PromptAssembler.historyChars(model.contextWindow(), answerTokens));
				UUID runId = !plain ? null : runs.open(new NewRun(userId, chatId, turn.draft().id(), plainAgentId, null,
						null, model.id().toString(), 1, 0, null, now.plus(limits.timeBudget())));
				return new Begun(turn, runId);
			});
			Replies.TurnStart begun = started.turn();
			String systemPrompt = agent == null ? chat.systemPrompt()
					: agentRuns.systemPrompt(agent.settings(), chat.systemPrompt());
			List<PromptMessage> prompt = PromptAssembler.assemble(systemPrompt, begun.history(), model.contextWindow(),
					answerTokens, attachments.of(userId));
			reply = live.open(begun.draft(), userId);
			CacheStatus cacheStatus = null;
			if (!plain) {
				agentRuns.start(userId, chat, agent, prepared, slot, reply, prompt, request.temperature(), answerTokens);
			}
			else {
				GenerationRequest generation = new GenerationRequest(userId, model.id().toString(), prompt,
						temperature, answerTokens, chatId).cached(cache);
				UUID runId = java.util.Objects.requireNonNull(started.plainRunId());
				plainRunId = runId;
				liveRuns.add(runId);
				Generation running = generations.start(generation,
						new PlainRun(runId, reply, runs, liveRuns, model, now), slot, prepared, request.streamed());
				cacheStatus = running.cacheStatus();
				reply.attach(running);
			}
			return new Turn(MessageView.from(begun.userMessage()), reply, cacheStatus);
		}
		catch (RuntimeException ex) {
			slot.release();
			if (reply != null) {
				replies.fail(reply.messageId(), "", ex.getMessage());
			}
			if (plainRunId != null) {
				// Refused before the model was called (a quota): the run ends now, failed, with the reason.
				liveRuns.remove(plainRunId);
				runs.finishWithModelStep(plainRunId, dev.parley.agents.runs.RunStatus.FAILED,
						dev.parley.agents.runs.StopReason.ERROR, "", 0, 0, java.math.BigDecimal.ZERO, ex.getMessage(), now);
			}
			throw ex;
		}
	}

	/**
	 * Whether the turn is answered from the response cache: when it asks ({@code cache: true}, refused
	 * with a 400 naming {@code cache} when it may not be cached), or when its agent has the cache on
	 * and the turn may be cached (a turn that asks for another temperature is not).
	 */
	private static @Nullable CacheDirective cacheFor(TurnRequest request, @Nullable RunningAgent agent,
			@Nullable Double temperature) {
		boolean tools = agent != null && !agent.settings().tools().isEmpty();
		AgentCache agentCache = agent == null ? AgentCache.OFF : agent.settings().cache();
		String refusal = CacheDirective.refusal(temperature, null, tools);
		UUID shared = agentCache.shared() && agent != null ? agent.id() : null;
		if (request.cache()) {
			if (refusal != null) {
				throw InvalidFields.of("cache", tools ? "agent runs with tools are never cached" : refusal);
			}
			return new CacheDirective(shared,
					request.cacheTtlSeconds() != null ? request.cacheTtlSeconds() : agentCache.ttlSeconds());
		}
		return agentCache.enabled() && refusal == null ? new CacheDirective(shared, agentCache.ttlSeconds()) : null;
	}

	/**
	 * The agent that runs this turn: the one the request names, else the chat's, else none (a plain
	 * turn). It must be the user's and active, whichever names it: a turn never runs as something
	 * else than what the user meant.
	 */
	private @Nullable RunningAgent agentOf(UUID userId, Chat chat, @Nullable UUID requested) {
		UUID agentId = requested != null ? requested : chat.agentId();
		if (agentId == null) {
			return null;
		}
		Agent agent;
		try {
			agent = agents.runnable(agentId, userId);
		}
		catch (AgentNotFound ex) {
			throw InvalidFields.of("agent_id", "names no agent of yours");
		}
		if (agent.settings().status() != AgentStatus.ACTIVE) {
			throw InvalidFields.of("agent_id", "names an inactive agent");
		}
		return RunningAgent.of(agent);
	}

	/** What the first transaction of a turn stored: the turn, and the run of a plain one. */
	private record Begun(Replies.TurnStart turn, @Nullable UUID plainRunId) {
	}

	/**
	 * A turn under way: the committed user message and the reply being generated.
	 *
	 * @param cache for a turn answered through the response cache, whether it was a hit; else {@code null}
	 */
	public record Turn(MessageView userMessage, LiveReply reply, @Nullable CacheStatus cache) {
	}

	/**
	 * What the user asked for.
	 *
	 * @param content the user's message
	 * @param model the model, or {@code null} for the chat's, else the server's default
	 * @param temperature or {@code null}
	 * @param maxTokens or {@code null} for the server's cap
	 * @param agentId the agent to run, or {@code null} for the chat's (if any)
	 * @param defaultAgent whether to run the default agent (the built-in tools) instead
	 * @param cache whether to answer from the response cache (temperature 0, no tools)
	 * @param cacheTtlSeconds how long the stored answer lives, or {@code null} for the agent's or server's
	 * @param streamed whether a plain turn's model is asked for a stream (its text saved as it arrives, its
	 *     followers hear each delta) or, for a caller that waits for the whole reply, for the whole answer
	 */
	public record TurnRequest(String content, @Nullable String model, @Nullable Double temperature,
			@Nullable Integer maxTokens, @Nullable UUID agentId, boolean defaultAgent, List<UUID> fileIds,
			boolean cache, @Nullable Integer cacheTtlSeconds, boolean streamed) {

		public TurnRequest {
			fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
		}

		public TurnRequest(String content, @Nullable String model, @Nullable Double temperature,
				@Nullable Integer maxTokens, @Nullable UUID agentId, boolean defaultAgent, List<UUID> fileIds,
				boolean cache, @Nullable Integer cacheTtlSeconds) {
			this(content, model, temperature, maxTokens, agentId, defaultAgent, fileIds, cache, cacheTtlSeconds, true);
		}

		public TurnRequest(String content, @Nullable String model, @Nullable Double temperature,
				@Nullable Integer maxTokens, @Nullable UUID agentId, boolean defaultAgent, List<UUID> fileIds) {
			this(content, model, temperature, maxTokens, agentId, defaultAgent, fileIds, false, null);
		}

		public TurnRequest(String content, @Nullable String model, @Nullable Double temperature,
				@Nullable Integer maxTokens, @Nullable UUID agentId, boolean defaultAgent) {
			this(content, model, temperature, maxTokens, agentId, defaultAgent, List.of());
		}

		public TurnRequest(String content, @Nullable String model, @Nullable Double temperature,
				@Nullable Integer maxTokens, @Nullable UUID agentId) {
			this(content, model, temperature, maxTokens, agentId, false);
		}

		public TurnRequest(String content, @Nullable String model, @Nullable Double temperature,
				@Nullable Integer maxTokens) {
			this(content, model, temperature, maxTokens, null, false);
		}
	}
}
