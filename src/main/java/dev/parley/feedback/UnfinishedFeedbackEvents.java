package dev.parley.feedback;

import java.time.Clock;
import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands again the feedback events whose listeners did not finish — a process that stopped right
 * after an answer was committed, a database that was briefly gone — so that a run waiting for an
 * answer learns it whatever happened. Every listener of these events is idempotent; one whose
 * publication is resubmitted twice (by two nodes) applies once.
 */
@Component
class UnfinishedFeedbackEvents {

	/** Far longer than any listener takes: a publication this old that is not complete was lost. */
	static final Duration LOST_AFTER = Duration.ofMinutes(2);

	static final int MAX_ATTEMPTS = 10;

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	UnfinishedFeedbackEvents(IncompleteEventPublications incomplete, Clock clock) {
		this.incomplete = incomplete;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
	void resubmit() {
		incomplete.resubmitIncompletePublications(publication -> isFeedbackEvent(publication.getEvent())
				&& publication.getPublicationDate().isBefore(clock.instant().minus(LOST_AFTER))
				&& publication.getCompletionAttempts() < MAX_ATTEMPTS);
	}

	private static boolean isFeedbackEvent(Object event) {
		return event instanceof FeedbackRequested || event instanceof FeedbackAnswered
				|| event instanceof FeedbackTimedOut;
	}
}
