package dev.parley.agents;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.parley.agents.runs.Run;
import dev.parley.agents.runs.Runs;
import dev.parley.ai.GenerationFailed;
import dev.parley.conversations.Chats;
import dev.parley.conversations.MessageStatus;
import dev.parley.conversations.MessageView;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.InvalidFields;
import dev.parley.realtime.LiveReply;
import dev.parley.realtime.ReplyEvents;
import dev.parley.realtime.ReplyOutcome;
import dev.parley.realtime.ReplyStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/query}: a one-shot question to an agent (or to the default agent, with the
 * built-in tools), kept as a turn of a chat — a new one, or the one given.
 */
@RestController
@Tag(name = "Query", description = "Ask an agent once; the exchange is kept in a chat")
class QueryController {

	private static final long MAX_WAIT_MINUTES = 30;

	private static final int TITLE_CHARS = 60;

	private final Turns turns;

	private final Chats chats;

	private final Runs runs;

	private final ReplyStreams streams;

	private final JsonMapper json;

	private final AgentChatReferences references;

	QueryController(Turns turns, Chats chats, Runs runs, ReplyStreams streams, JsonMapper json,
			AgentChatReferences references) {
		this.references = references;
		this.turns = turns;
		this.chats = chats;
		this.runs = runs;
		this.streams = streams;
		this.json = json;
	}

	@PostMapping("/api/v1/query")
	@Operation(summary = "Ask an agent (or the default one, with the built-in tools) and keep the exchange in a chat",
			description = "Without chat_id a new chat is started, titled by the prompt. With stream=true the answer "
					+ "is the reply's event stream, as for chat completions.")
	@ApiResponse(responseCode = "200", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = QueryResponse.class)),
			@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = ReplyEvents.class)) })
	@ApiResponse(responseCode = "502", description = "The model provider failed (without stream)")
	Object query(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody QueryRequest request) {
		if (request.agentId() != null && !references.isOwnAgent(caller.id(), request.agentId())) {
			throw InvalidFields.of("agent_id", "names no agent of yours");
		}
		boolean newChat = request.chatId() == null;
		UUID chatId = newChat ? chats.start(caller.id(), title(request.prompt()), null, null,
				request.agentId() == null ? null : request.agentId().toString(), null).id()
				: chats.get(request.chatId(), caller.id()).id();
		boolean defaultAgent = request.agentId() == null && chats.get(chatId, caller.id()).agentId() == null;
		Turns.Turn turn;
		try {
			turn = turns.start(caller.id(), chatId,
					new Turns.TurnRequest(request.prompt(), null, null, null, request.agentId(), defaultAgent));
		}
		catch (RuntimeException ex) {
			// A query refused before it began leaves no chat behind.
			if (newChat) {
				chats.delete(chatId, caller.id());
			}
			throw ex;
		}
		if (Boolean.TRUE.equals(request.stream())) {
			return streams.newTurn(turn.reply(), turn.userMessage());
		}
		ReplyOutcome outcome = await(turn.reply());
		if (outcome.failure() != null) {
			throw outcome.failure();
		}
		MessageView reply = outcome.message();
		Run run = runs.forReply(turn.reply().messageId(), caller.id()).orElseThrow();
		JsonNode structured = run.structured() == null ? null : json.readTree(run.structured());
		return new QueryResponse(chatId, run.id(), turn.reply().messageId(), reply == null ? null : reply.status(),
				reply == null ? null : reply.content(), structured);
	}

	private static String title(String prompt) {
		String line = prompt.strip().replaceAll("\\s+", " ");
		return line.length() <= TITLE_CHARS ? line : line.substring(0, TITLE_CHARS - 1) + "…";
	}

	private static ReplyOutcome await(LiveReply reply) {
		try {
			return reply.outcome().get(MAX_WAIT_MINUTES, TimeUnit.MINUTES);
		}
		catch (TimeoutException ex) {
			reply.cancel();
			throw new GenerationFailed(GenerationFailed.Reason.TIMEOUT, "The answer took too long.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CompletionException(ex);
		}
		catch (ExecutionException ex) {
			throw new CompletionException(ex.getCause());
		}
	}

	record QueryRequest(@NotBlank @Size(max = 100_000) String prompt,
			@Schema(description = "An agent of yours; without it the chat's agent, else the default agent")
			@Nullable UUID agentId,
			@Schema(description = "A chat of yours to keep the exchange in; without it a new chat") @Nullable UUID chatId,
			@Nullable Boolean stream) {
	}

	/**
	 * @param status {@code completed}, or {@code awaiting_approval} when a tool call waits for you
	 *     ({@code POST /api/v1/runs/{run_id}/approvals}, then follow {@code /api/v1/messages/{message_id}/stream})
	 */
	record QueryResponse(UUID chatId, UUID runId, UUID messageId, @Nullable MessageStatus status,
			@Nullable String answer, @Nullable JsonNode structured) {
	}
}
