package dev.parley.agents;

import java.util.List;

import dev.parley.agents.runs.RunStep;
import dev.parley.feedback.FeedbackKind;
import dev.parley.feedback.FeedbackRequests;
import dev.parley.feedback.NewFeedbackRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The feedback requests of runs' approvals: a tool call an {@code ask} policy holds is also put to
 * the run's owner on their channels, as approve or deny, so that they can decide from wherever they
 * are (the approvals API decides it just as well).
 */
@Component
class RunFeedback {

	private static final Logger log = LoggerFactory.getLogger(RunFeedback.class);

	static final String APPROVE = "approve";

	static final String DENY = "deny";

	private final FeedbackRequests feedback;

	RunFeedback(FeedbackRequests feedback) {
		this.feedback = feedback;
	}

	void askApproval(RunScope scope, RunStep step) {
		String agent = scope.agent().name();
		try {
			feedback.create(new NewFeedbackRequest(scope.userId(), FeedbackKind.APPROVAL,
					"May " + agent + " run " + step.tool() + "?", List.of(APPROVE, DENY),
					"Arguments: " + step.arguments(), List.of(), null, feedback.approvalOnTimeout(), null, null,
					scope.run().id(), step.id()));
		}
		catch (RuntimeException ex) {
			// The call still waits for its decision, which the approvals API can make.
			log.warn("Could not put the approval of step {} of run {} to its owner", step.id(), scope.run().id(), ex);
		}
	}
}
