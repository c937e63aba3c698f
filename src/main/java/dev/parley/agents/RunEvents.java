package dev.parley.agents;

import java.util.UUID;

/**
 * Where a run tells what its tools did as it happens: the reply's event log ({@code tool_result},
 * {@code approval_required}). Tool calls themselves are told by the generation that made them.
 */
interface RunEvents {

	void toolResult(String callId, boolean ok, String summary);

	void approvalRequired(UUID runId, UUID stepId, String tool, String arguments);
}
