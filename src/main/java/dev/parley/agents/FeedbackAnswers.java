package dev.parley.agents;

import dev.parley.agents.runs.ApprovalDecided;
import dev.parley.agents.runs.ApprovalDecision;
import dev.parley.agents.runs.RunNotFound;
import dev.parley.agents.runs.Runs;
import dev.parley.agents.runs.StepNotAwaitingApproval;
import dev.parley.agents.tools.ToolResult;
import dev.parley.feedback.FeedbackAnswered;
import dev.parley.feedback.FeedbackKind;
import dev.parley.feedback.FeedbackRequests;
import dev.parley.feedback.FeedbackTimedOut;
import dev.parley.feedback.OnTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What runs do with the answers to their feedback requests, on whichever node the answer (or the
 * deadline) arrives: an approval's answer decides its tool call as {@code POST /runs/{id}/approvals}
 * does; a question's answer is the result of its {@code ask_human} call; a timeout goes on as its
 * request said — a timeout recorded as such, never as a person's decision — or halts the run. The
 * run then goes on (or ends) after the commit. Durable: these listeners are in the event
 * publication registry.
 */
@Component
class FeedbackAnswers {

	private static final Logger log = LoggerFactory.getLogger(FeedbackAnswers.class);

	private final Runs runs;

	private final RunHalts halts;

	private final FeedbackRequests feedback;

	private final JsonMapper json;

	FeedbackAnswers(Runs runs, RunHalts halts, FeedbackRequests feedback, JsonMapper json) {
		this.runs = runs;
		this.halts = halts;
		this.feedback = feedback;
		this.json = json;
	}

	@ApplicationModuleListener
	void on(FeedbackAnswered answered) {
		if (answered.runId() == null || answered.stepId() == null) {
			return;
		}
		try {
			if (answered.kind() == FeedbackKind.APPROVAL) {
				runs.decide(answered.runId(), answered.recipientId(), answered.stepId(),
						RunFeedback.APPROVE.equals(answered.answer()) ? ApprovalDecision.APPROVE : ApprovalDecision.DENY,
						"answered via " + answered.answeredVia(), answered.answeredBy());
				return;
			}
			ObjectNode result = json.createObjectNode()
				.put("answer", answered.answer())
				.put("answered_by", answered.answeredBy().toString())
				.put("answered_via", answered.answeredVia());
			runs.answerStep(answered.runId(), answered.recipientId(), answered.stepId(),
					ToolResult.ok(json.writeValueAsString(result)));
		}
		catch (StepNotAwaitingApproval | RunNotFound ex) {
			log.info("Feedback request {} was answered after its run went on without it", answered.requestId());
		}
	}

	@ApplicationModuleListener
	void on(FeedbackTimedOut timedOut) {
		if (timedOut.runId() == null || timedOut.stepId() == null || timedOut.onTimeout() == OnTimeout.WAIT) {
			return;
		}
		try {
			if (timedOut.onTimeout() == OnTimeout.HALT) {
				halts.halt(timedOut.runId(), timedOut.recipientId());
				feedback.cancelForRun(timedOut.runId(), "the run halted: another request timed out");
			}
			else if (timedOut.kind() == FeedbackKind.APPROVAL) {
				runs.decideOnTimeout(timedOut.runId(), timedOut.recipientId(), timedOut.stepId(),
						timedOut.onTimeout() == OnTimeout.APPROVE ? ApprovalDecision.APPROVE : ApprovalDecision.DENY);
			}
			else {
				String said = "nobody answered by " + timedOut.deadline() + " (timed out)";
				runs.answerStep(timedOut.runId(), timedOut.recipientId(), timedOut.stepId(),
						timedOut.onTimeout() == OnTimeout.APPROVE
								? ToolResult.ok(json.writeValueAsString(json.createObjectNode()
									.put("timed_out", true)
									.put("note", said + "; go on as if they agreed")))
								: ToolResult.failed(said));
			}
		}
		catch (StepNotAwaitingApproval | RunNotFound ex) {
			log.info("Feedback request {} timed out after its run went on without it", timedOut.requestId());
		}
	}

	/** A tool call decided another way (the approvals API) no longer waits for its feedback request. */
	@ApplicationModuleListener
	void on(ApprovalDecided decided) {
		feedback.cancelForStep(decided.runId(), decided.stepId(), "decided through the approvals API");
	}
}
