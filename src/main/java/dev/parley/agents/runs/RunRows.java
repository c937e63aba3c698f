package dev.parley.agents.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Reads the ledger's rows: a run (without its steps) and a step. */
final class RunRows {

	/** The columns {@link #run} reads, in the order of {@code select}. */
	static final String RUN_COLUMNS = """
			id, user_id, chat_id, reply_message_id, agent_id, parent_run_id, parent_step_id, model, status, stop_reason,
			max_steps, max_tool_calls, token_budget, deadline, prompt_tokens, completion_tokens, cost_usd, error,
			structured, started_at, ended_at""";

	private RunRows() {
	}

	static Run run(ResultSet row, int index) throws SQLException {
		return new Run(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getObject("chat_id", UUID.class), row.getObject("reply_message_id", UUID.class),
				row.getObject("agent_id", UUID.class), row.getObject("parent_run_id", UUID.class),
				row.getObject("parent_step_id", UUID.class), row.getString("model"),
				RunStatus.valueOf(row.getString("status")), optionalEnum(row.getString("stop_reason")),
				row.getInt("max_steps"), row.getInt("max_tool_calls"), (Integer) row.getObject("token_budget"),
				instant(row, "deadline"), row.getInt("prompt_tokens"), row.getInt("completion_tokens"),
				row.getBigDecimal("cost_usd"), row.getString("error"), row.getString("structured"),
				instant(row, "started_at"), optionalInstant(row, "ended_at"), List.of());
	}

	static RunStep step(ResultSet row, int index) throws SQLException {
		return new RunStep(row.getObject("id", UUID.class), row.getObject("run_id", UUID.class), row.getInt("ordinal"),
				StepKind.valueOf(row.getString("kind")), row.getString("tool"), row.getString("tool_call_id"),
				row.getString("arguments"), row.getString("arguments_sha256"), row.getString("content"),
				row.getString("result"), row.getString("result_summary"), (Boolean) row.getObject("ok"),
				StepStatus.valueOf(row.getString("status")), (Integer) row.getObject("prompt_tokens"),
				(Integer) row.getObject("completion_tokens"), row.getBigDecimal("cost_usd"), instant(row, "started_at"),
				optionalInstant(row, "ended_at"));
	}

	private static @Nullable StopReason optionalEnum(@Nullable String value) {
		return value == null ? null : StopReason.valueOf(value);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
