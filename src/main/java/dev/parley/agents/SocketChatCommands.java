package dev.parley.agents;

import java.util.Locale;
import java.util.UUID;

import dev.parley.agents.runs.ApprovalDecision;
import dev.parley.agents.runs.ApprovalScope;
import dev.parley.agents.runs.Runs;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import dev.parley.realtime.ChatCommands;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The turns and approvals a WebSocket client asks for ({@code chat.send}, {@code approval.answer}),
 * done exactly as their REST endpoints do them: {@link Turns#start} and {@link Runs#decide}.
 */
@Component
class SocketChatCommands implements ChatCommands {

	private final Turns turns;

	private final Runs runs;

	SocketChatCommands(Turns turns, Runs runs) {
		this.turns = turns;
		this.runs = runs;
	}

	@Override
	public Sent send(UUID userId, UUID chatId, Send request) {
		Turns.Turn turn = turns.start(userId, chatId,
				new Turns.TurnRequest(request.content(), request.model(), null, null, request.agentId()));
		return new Sent(turn.userMessage(), turn.reply().messageId());
	}

	@Override
	public void answerApproval(UUID userId, UUID runId, UUID stepId, String decision, @Nullable String scope) {
		FieldChecks checks = new FieldChecks();
		ApprovalDecision decided = checks.check(() -> parse("decision", decision, ApprovalDecision.class, "approve or deny"));
		ApprovalScope scoped = scope == null ? ApprovalScope.ONCE
				: checks.check(() -> parse("scope", scope, ApprovalScope.class, "once, run or always"));
		checks.throwIfAny();
		runs.decide(runId, userId, stepId, decided, scoped, null);
	}

	private static <E extends Enum<E>> E parse(String field, String value, Class<E> type, String allowed) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of(field, "must be " + allowed);
		}
	}
}
