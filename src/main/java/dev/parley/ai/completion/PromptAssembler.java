package dev.parley.ai.completion;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.conversations.HistoryMessage;

/**
 * Builds a chat's prompt: its system prompt, then as much of its history as fits the model's
 * context window (after room for the answer), dropping the oldest turns first. The newest turn is
 * always kept. Tokens are estimated at four characters each, which errs on the generous side for
 * English and is adequate to decide what to drop.
 */
final class PromptAssembler {

	private static final int CHARS_PER_TOKEN = 4;

	private static final int TOKENS_PER_MESSAGE = 4;

	private PromptAssembler() {
	}

	static List<PromptMessage> assemble(String systemPrompt, List<HistoryMessage> history, int contextWindow,
			int answerTokens) {
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
			int cost = estimate(turn.content());
			if (!kept.isEmpty() && cost > budget) {
				break;
			}
			kept.addFirst(turn);
			budget -= cost;
		}
		if (systemPrompt != null && !systemPrompt.isBlank()) {
			kept.addFirst(PromptMessage.system(systemPrompt));
		}
		return List.copyOf(kept);
	}

	private static PromptMessage toPrompt(HistoryMessage message) {
		if (message.content().isBlank()) {
			return null;
		}
		return switch (message.role()) {
			case USER -> PromptMessage.user(message.content());
			case ASSISTANT -> PromptMessage.assistant(message.content());
			case SYSTEM -> PromptMessage.system(message.content());
			case TOOL -> null;
		};
	}

	/** How many characters of history can matter for this window: what to read at most. */
	static int historyChars(int contextWindow, int answerTokens) {
		return (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, contextWindow - answerTokens) * CHARS_PER_TOKEN);
	}

	static int estimate(String text) {
		return TOKENS_PER_MESSAGE + (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
	}
}
