package dev.parley.agents;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.conversations.HistoryMessage;
import org.jspecify.annotations.Nullable;

/**
 * Builds a chat's prompt: its system prompt, then as much of its history as fits the model's
 * context window (after room for the answer), dropping the oldest turns first. The newest turn is
 * always kept. An assistant message keeps the tools it called and a tool message the call it
 * answers; a tool message whose call was dropped is dropped too (providers refuse an answer to no
 * call). Tokens are estimated at four characters each, which errs on the generous side for English
 * and is adequate to decide what to drop.
 */
final class PromptAssembler {

	private static final int CHARS_PER_TOKEN = 4;

	private static final int TOKENS_PER_MESSAGE = 4;

	private PromptAssembler() {
	}

	static List<PromptMessage> assemble(@Nullable String systemPrompt, List<HistoryMessage> history, int contextWindow,
			int answerTokens) {
		return assemble(systemPrompt, history, contextWindow, answerTokens, AttachedFiles.NONE);
	}

	/**
	 * As {@link #assemble(String, List, int, int)}, a user's message carrying files with them (their
	 * text counts against the window like the message's own).
	 */
	static List<PromptMessage> assemble(@Nullable String systemPrompt, List<HistoryMessage> history, int contextWindow,
			int answerTokens, AttachedFiles files) {
		int budget = contextWindow - answerTokens;
		Deque<PromptMessage> kept = new ArrayDeque<>();
		if (systemPrompt != null && !systemPrompt.isBlank()) {
			budget -= estimate(systemPrompt);
		}
		for (HistoryMessage message : history.reversed()) {
			PromptMessage turn = toPrompt(message);
			if (turn == null) {
				continue;
			}
			if (!message.fileIds().isEmpty()) {
				turn = files.attach(message, turn);
			}
			int cost = estimate(turn);
			if (!kept.isEmpty() && cost > budget) {
				break;
			}
			kept.addFirst(turn);
			budget -= cost;
		}
		while (!kept.isEmpty() && kept.peekFirst().role() == PromptMessage.Role.TOOL) {
			kept.removeFirst();
		}
		if (systemPrompt != null && !systemPrompt.isBlank()) {
			kept.addFirst(PromptMessage.system(systemPrompt));
		}
		return List.copyOf(kept);
	}

	private static @Nullable PromptMessage toPrompt(HistoryMessage message) {
		if (message.content().isBlank() && message.toolCalls().isEmpty()) {
			return null;
		}
		return switch (message.role()) {
			case USER -> PromptMessage.user(message.content());
			case ASSISTANT -> message.toolCalls().isEmpty() ? PromptMessage.assistant(message.content())
					: PromptMessage.assistant(message.content(), message.toolCalls()
						.stream()
						.map(call -> new ToolCall(call.id(), call.name(), call.arguments()))
						.toList());
			case SYSTEM -> PromptMessage.system(message.content());
			case TOOL -> message.toolCallId() == null ? null : PromptMessage.tool(message.toolCallId(), message.content());
		};
	}

	/** How many characters of history can matter for this window: what to read at most. */
	static int historyChars(int contextWindow, int answerTokens) {
		return (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, contextWindow - answerTokens) * CHARS_PER_TOKEN);
	}

	static int estimate(String text) {
		return TOKENS_PER_MESSAGE + (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
	}

	private static int estimate(PromptMessage message) {
		int chars = message.content().length();
		for (ToolCall call : message.toolCalls()) {
			chars += call.name().length() + call.arguments().length();
		}
		return TOKENS_PER_MESSAGE + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
	}
}
