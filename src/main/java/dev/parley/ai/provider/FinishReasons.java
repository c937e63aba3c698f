package dev.parley.ai.provider;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One vocabulary of finish reasons for all providers: {@code stop}, {@code length},
 * {@code tool_calls}, {@code content_filter}; a reason no mapping knows is kept in lower case.
 */
final class FinishReasons {

	private FinishReasons() {
	}

	/** The reason in Parley's words; {@code null} for none (blank, unspecified, unknown). */
	static @Nullable String normalise(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String reason = raw.trim().toLowerCase(Locale.ROOT);
		if (reason.startsWith("_") || reason.equals("unknown") || reason.equals("null")
				|| reason.equals("finish_reason_unspecified")) {
			return null;
		}
		return switch (reason) {
			case "stop", "end_turn", "stop_sequence" -> "stop";
			case "length", "max_tokens" -> "length";
			case "tool_calls", "tool_use", "function_call" -> "tool_calls";
			case "content_filter", "safety", "guardrail_intervened", "content_filtered" -> "content_filter";
			default -> reason;
		};
	}
}
