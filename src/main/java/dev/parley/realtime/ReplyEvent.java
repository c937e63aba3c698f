package dev.parley.realtime;

import java.util.Locale;
import java.util.UUID;

/**
 * One entry of a reply's event log. Entries are numbered from 1 in the order they happen; the
 * user's message of a new turn is sent before them as number 0 and is not part of the log. Every
 * reply ends with exactly one {@link Ended} (written as {@code done} or {@code error}).
 */
public sealed interface ReplyEvent {

	Type type();

	/** The kinds of entries, by their SSE {@code event:} names. */
	enum Type {

		USER_MESSAGE, DELTA, TOOL_CALL, TOOL_RESULT, APPROVAL_REQUIRED, DONE, ERROR;

		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A piece of the reply's text, in order. */
	record Delta(String text) implements ReplyEvent {

		@Override
		public Type type() {
			return Type.DELTA;
		}
	}

	/** The model called a tool: the call's id, the tool and its arguments (JSON text, as the model wrote them). */
	record ToolCall(String id, String name, String arguments) implements ReplyEvent {

		@Override
		public Type type() {
			return Type.TOOL_CALL;
		}
	}

	/** A tool call was answered: whether the tool succeeded and a short summary of what it returned. */
	record ToolResult(String id, boolean ok, String summary) implements ReplyEvent {

		@Override
		public Type type() {
			return Type.TOOL_RESULT;
		}
	}

	/** A tool call waits for a person's approval: the run and step that wait, the tool and its arguments. */
	record ApprovalRequired(UUID runId, UUID stepId, String tool, String arguments) implements ReplyEvent {

		@Override
		public Type type() {
			return Type.APPROVAL_REQUIRED;
		}
	}

	/** The reply ended: {@code done} (completed or cancelled) or {@code error}; the log ends with it. */
	record Ended(ReplyOutcome outcome) implements ReplyEvent {

		@Override
		public Type type() {
			return outcome.completed() || outcome.cancelled() ? Type.DONE : Type.ERROR;
		}
	}
}
