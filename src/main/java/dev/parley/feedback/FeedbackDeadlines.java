package dev.parley.feedback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sweeper of feedback deadlines: at start-up and every few seconds it times out the requests
 * nobody answered in time and escalates those whose escalation is due. Deadlines are stored, so a
 * restart loses none; each due request is claimed by one node only.
 */
@Component
class FeedbackDeadlines {

	private static final Logger log = LoggerFactory.getLogger(FeedbackDeadlines.class);

	static final int BATCH = 100;

	private final DueRequests due;

	private final FeedbackDispatcher dispatcher;

	FeedbackDeadlines(DueRequests due, FeedbackDispatcher dispatcher) {
		this.due = due;
		this.dispatcher = dispatcher;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
	void sweep() {
		try {
			int expired = due.expire(BATCH).size();
			if (expired > 0) {
				log.info("{} feedback requests reached their deadline unanswered", expired);
			}
			for (FeedbackRequest request : due.escalate(BATCH)) {
				dispatcher.deliver(request, request.escalateChannels(),
						request.escalateToUserId() == null ? request.recipientId() : request.escalateToUserId());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not sweep feedback deadlines; retrying in a few seconds", ex);
		}
	}
}
