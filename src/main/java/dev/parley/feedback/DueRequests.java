package dev.parley.feedback;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims the requests whose deadline or escalation is due, each on exactly one node, and records
 * what happened to them in the same transaction.
 */
@Component
class DueRequests {

	private final FeedbackRecords records;

	private final FeedbackAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DueRequests(FeedbackRecords records, FeedbackAudit audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Ends the requests whose deadline passed: one that waits on is marked expired and stays
	 * answerable; the others time out, and {@link FeedbackTimedOut} tells whoever asked.
	 */
	@Transactional
	public List<FeedbackRequest> expire(int limit) {
		List<FeedbackRequest> expired = records.claimExpired(clock.instant(), limit);
		for (FeedbackRequest request : expired) {
			if (request.onTimeout() == OnTimeout.WAIT) {
				audit.record(request.id(), FeedbackEvent.Type.EXPIRED, null, null,
						"nobody answered by " + request.deadline() + "; it keeps waiting");
				continue;
			}
			audit.record(request.id(), FeedbackEvent.Type.TIMED_OUT, null, null, "nobody answered by "
					+ request.deadline() + "; on timeout " + request.onTimeout().wireName());
			events.publishEvent(new FeedbackTimedOut(request.id(), request.recipientId(), request.kind(),
					request.runId(), request.stepId(), request.onTimeout(), request.deadline()));
		}
		return expired;
	}

	/** Claims the requests whose escalation is due; the caller delivers them again. */
	@Transactional
	public List<FeedbackRequest> escalate(int limit) {
		List<FeedbackRequest> due = records.claimEscalations(clock.instant(), limit);
		for (FeedbackRequest request : due) {
			audit.record(request.id(), FeedbackEvent.Type.ESCALATED, null, request.escalateToUserId(),
					"nobody answered since " + request.createdAt() + "; delivering again on "
							+ String.join(", ", request.escalateChannels())
							+ (request.escalateToUserId() == null ? " to the recipient" : " to " + request.escalateToUserId()));
		}
		return due;
	}
}
