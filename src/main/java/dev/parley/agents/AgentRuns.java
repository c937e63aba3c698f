package dev.parley.agents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.parley.agents.runs.ApprovalDecided;
import dev.parley.agents.runs.NewRun;
import dev.parley.agents.runs.Run;
import dev.parley.agents.runs.RunStatus;
import dev.parley.agents.runs.RunStep;
import dev.parley.agents.runs.Runs;
import dev.parley.agents.runs.StepAnswered;
import dev.parley.agents.runs.StepKind;
import dev.parley.agents.runs.StepStatus;
import dev.parley.agents.runs.StopReason;
import dev.parley.agents.tools.PausingTool;
import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.Toolbox;
import dev.parley.ai.AiProperties;
import dev.parley.ai.GenerationFailed;
import dev.parley.ai.GenerationSlot;
import dev.parley.ai.Generations;
import dev.parley.ai.PreparedModel;
import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import dev.parley.conversations.Chat;
import dev.parley.conversations.Chats;
import dev.parley.conversations.Message;
import dev.parley.conversations.Replies;
import dev.parley.realtime.LiveReplies;
import dev.parley.realtime.LiveReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs of agents in chats: starts one for a turn (its ledger entry, its tools, its limits) and
 * hands it to the {@link AgentLoop}; and takes a paused run on once every tool call it waits for has
 * a person's decision — on whichever node, after whatever restart: at once after the decision is
 * committed, and otherwise within seconds from the ledger, which is all a run needs to go on.
 */
@Service
class AgentRuns {

	private static final Logger log = LoggerFactory.getLogger(AgentRuns.class);

	/** The most messages read to build a prompt, as for any turn. */
	static final int HISTORY_LIMIT = 500;

	private final Runs runs;

	private final AgentLoop loop;

	private final ToolRound round;

	private final Toolbox toolbox;

	private final Agents agents;

	private final Chats chats;

	private final Replies replies;

	private final LiveReplies live;

	private final Generations generations;

	private final AgentLimits limits;

	private final AiProperties ai;

	private final JsonMapper json;

	private final Attachments attachments;

	AgentRuns(Runs runs, AgentLoop loop, ToolRound round, Toolbox toolbox, Agents agents, Chats chats, Replies replies,
			LiveReplies live, Generations generations, AgentLimits limits, AiProperties ai, JsonMapper json,
			Attachments attachments) {
		this.attachments = attachments;
		this.runs = runs;
		this.loop = loop;
		this.round = round;
		this.toolbox = toolbox;
		this.agents = agents;
		this.chats = chats;
		this.replies = replies;
		this.live = live;
		this.generations = generations;
		this.limits = limits;
		this.ai = ai;
		this.json = json;
	}

	/** What the model is told first: the agent's instructions, the chat's system prompt, the answer's schema. */
	String systemPrompt(AgentSettings agent, @Nullable String chatSystemPrompt) {
		List<String> parts = new ArrayList<>();
		Stream.of(agent.instructions(), chatSystemPrompt).filter(part -> part != null && !part.isBlank())
			.forEach(parts::add);
		if (agent.outputSchema() != null) {
			parts.add("Answer with only a JSON value, without any other text, that matches this JSON Schema: "
					+ json.writeValueAsString(agent.outputSchema()));
		}
		return parts.isEmpty() ? null : String.join("\n\n", parts);
	}

	/** Starts the run of an agent's turn, whose reply is already open. */
	void start(UUID userId, Chat chat, RunningAgent agent, PreparedModel model, GenerationSlot slot, LiveReply reply,
			List<PromptMessage> prompt, @Nullable Double temperature, int answerTokens) {
		AgentSettings settings = agent.settings();
		Run run = runs.start(new NewRun(userId, chat.id(), reply.messageId(), agent.id(), null, null,
				model.model().id().toString(), settings.maxSteps() != null ? settings.maxSteps() : limits.maxSteps(),
				limits.maxToolCalls(), limits.tokenBudget(), java.time.Instant.now().plus(limits.timeBudget())));
		RunScope scope = new RunScope(run, userId, settings, tools(userId, settings), run.deadline());
		loop.step(new RunProgress(scope, model, slot, new ReplyOfRun(reply), prompt,
				temperature != null ? temperature : settings.temperature(), answerTokens));
	}

	/**
	 * The agent of one-shot queries that name none: the built-in tools this user may use, each with
	 * its own default policy, no instructions, the server's default model.
	 */
	RunningAgent defaultAgent(UUID userId) {
		List<String> builtIn = toolbox.available(userId)
			.stream()
			.map(Tool::name)
			.filter(name -> !name.contains(":"))
			.toList();
		return new RunningAgent(null, new AgentSettings("Assistant", null, null, null, builtIn, Map.of(), null, null,
				null, null, AgentStatus.ACTIVE));
	}

	/** The tools of an agent this user may use now, by name; one that has gone (a removed MCP server) is not offered. */
	Map<String, Tool> tools(UUID userId, AgentSettings agent) {
		Map<String, Tool> tools = new LinkedHashMap<>();
		for (String name : agent.tools()) {
			Optional<Tool> tool = name.startsWith(AgentSettings.AGENT_TOOL_PREFIX) ? delegate(userId, name)
					: toolbox.find(userId, name);
			if (tool.isPresent()) {
				tools.put(ToolNames.wireName(name), tool.get());
			}
			else {
				log.info("Tool {} of an agent is no longer available; the run goes without it", name);
			}
		}
		return tools;
	}

	private Optional<Tool> delegate(UUID userId, String name) {
		UUID agentId = UUID.fromString(name.substring(AgentSettings.AGENT_TOOL_PREFIX.length()));
		try {
			return Optional.of(new DelegateTool(agents.get(agentId, userId), this::delegated));
		}
		catch (AgentNotFound ex) {
			return Optional.empty();
		}
	}

	/**
	 * Runs a delegated task to its end, within the calling run's deadline: a run of its own, child
	 * of the calling step, whose answer is the tool's result.
	 */
	ToolResult delegated(Agent agent, ToolInvocation invocation) {
		AgentSettings settings = agent.settings();
		if (settings.status() != AgentStatus.ACTIVE) {
			return ToolResult.failed("the agent '" + settings.name() + "' is inactive");
		}
		String task = invocation.arguments().path("task").asString("");
		PreparedModel model;
		GenerationSlot slot;
		try {
			model = generations.prepare(invocation.userId(), settings.model());
			slot = generations.reserve(invocation.userId());
		}
		catch (RuntimeException ex) {
			return ToolResult.failed("the agent '" + settings.name() + "' cannot run now: " + ex.getMessage());
		}
		Run run = runs.start(new NewRun(invocation.userId(), null, null, agent.id(), invocation.runId(),
				invocation.stepId(), model.model().id().toString(),
				settings.maxSteps() != null ? settings.maxSteps() : limits.maxSteps(), limits.maxToolCalls(),
				limits.tokenBudget(), invocation.deadline()));
		RunScope scope = new RunScope(run, invocation.userId(), settings, tools(invocation.userId(), settings),
				invocation.deadline(), false);
		List<PromptMessage> prompt = new ArrayList<>();
		String system = systemPrompt(settings, null);
		if (system != null) {
			prompt.add(PromptMessage.system(system));
		}
		prompt.add(PromptMessage.user(task));
		DelegatedReply reply = new DelegatedReply();
		loop.step(new RunProgress(scope, model, slot, reply, prompt, settings.temperature(), ai.limits().maxTokens()));
		return reply.await(invocation.deadline());
	}

	@TransactionalEventListener
	void on(ApprovalDecided decided) {
		Thread.ofVirtual().name("run-resume-" + decided.runId()).start(() -> goOn(decided.runId(), decided.userId()));
	}

	/** As for a decision: a person's answer (or its timeout) ended a step the run waited on. */
	@TransactionalEventListener
	void on(StepAnswered answered) {
		Thread.ofVirtual().name("run-resume-" + answered.runId()).start(() -> goOn(answered.runId(), answered.userId()));
	}

	/**
	 * Tells the reply what the steps that waited for a person's answer came to; those of the round
	 * the run paused in that are no longer waiting (the round's other calls were told as they ended).
	 */
	private static void answeredWhilePaused(Run run, RunEvents events) {
		List<RunStep> steps = run.steps();
		int round = steps.size();
		while (round > 0 && steps.get(round - 1).kind() == StepKind.TOOL) {
			round--;
		}
		for (RunStep step : steps.subList(round, steps.size())) {
			if (PausingTool.ASK_HUMAN.equals(step.tool())
					&& (step.status() == StepStatus.COMPLETED || step.status() == StepStatus.FAILED)) {
				events.toolResult(step.toolCallId() == null ? "" : step.toolCallId(), Boolean.TRUE.equals(step.ok()),
						step.resultSummary() == null ? "" : step.resultSummary());
			}
		}
	}

	/** Takes on decided runs whose decision found no node to go on at once (a restart in between). */
	@Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
	void goOnWithDecided() {
		for (Run run : runs.decidedAndWaiting(20)) {
			goOn(run.id(), run.userId());
		}
	}

	/** Goes on with a paused run once every call it waits for is decided; only one node gets it. */
	void goOn(UUID runId, UUID userId) {
		Run paused = runs.get(runId, userId);
		List<RunStep> awaiting = paused.steps().stream()
			.filter(step -> step.status() == StepStatus.AWAITING_APPROVAL)
			.toList();
		if (paused.status() != RunStatus.AWAITING_APPROVAL
				|| awaiting.stream().anyMatch(step -> runs.decisionFor(step.id()).isEmpty())
				|| !runs.resumeIfAwaiting(runId, limits.timeBudget())) {
			return;
		}
		Run run = runs.get(runId, userId);
		LiveReply reply = null;
		try {
			AgentSettings settings = run.agentId() == null ? defaultAgent(userId).settings()
					: agents.get(run.agentId(), userId).settings();
			Chat chat = chats.get(run.chatId(), userId);
			Message resumed = replies.resume(run.replyMessageId(), userId);
			reply = live.reopen(resumed, userId);
			PreparedModel model = generations.prepare(userId, run.model());
			GenerationSlot slot = generations.reserve(userId);
			int answerTokens = ai.limits().maxTokens();
			List<PromptMessage> transcript = new ArrayList<>(PromptAssembler.assemble(
					systemPrompt(settings, chat.systemPrompt()),
					replies.promptHistory(chat.id(), userId, HISTORY_LIMIT,
							PromptAssembler.historyChars(model.model().contextWindow(), answerTokens), run.replyMessageId()),
					model.model().contextWindow(), answerTokens, attachments.of(userId)));
			transcript.addAll(RunTranscript.of(run.steps()));
			List<ToolCall> called = RunTranscript.calls(run.steps());
			RunScope scope = new RunScope(run, userId, settings, tools(userId, settings), run.deadline());
			ReplyOfRun sink = new ReplyOfRun(reply);
			answeredWhilePaused(run, sink);
			RunProgress progress = new RunProgress(scope, model, slot, sink, transcript,
					settings.temperature(), answerTokens, run.modelSteps(), resumed.content(),
					new TokenUsage(run.promptTokens(), run.completionTokens()), called);
			loop.addAnswers(progress, round.resume(scope, awaiting, sink));
			loop.step(progress);
		}
		catch (RuntimeException ex) {
			log.warn("Run {} could not go on after its approval", runId, ex);
			runs.finish(runId, RunStatus.FAILED, StopReason.ERROR, "The run could not go on: " + ex.getMessage(), null);
			if (reply != null) {
				reply.onFailure(new GenerationFailed(GenerationFailed.Reason.PROVIDER_ERROR, "The run could not go on."));
			}
			else if (run.replyMessageId() != null) {
				replies.fail(run.replyMessageId(), "", "The run could not go on.");
			}
		}
	}
}
