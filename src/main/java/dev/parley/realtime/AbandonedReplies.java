package dev.parley.realtime;

import java.time.Duration;

import dev.parley.conversations.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sweeper of abandoned replies: at start-up and every half minute it interrupts the replies
 * left streaming by a process that stopped, those whose text was not saved for a minute (a live
 * reply is saved at least every {@link LiveReplies#HEARTBEAT}). They keep what was saved. Replies
 * awaiting approval are paused on purpose and left alone.
 */
@Component
class AbandonedReplies {

	private static final Logger log = LoggerFactory.getLogger(AbandonedReplies.class);

	static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

	private final Replies replies;

	AbandonedReplies(Replies replies) {
		this.replies = replies;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
	void interruptAbandoned() {
		int swept = replies.interruptAbandoned(ABANDONED_AFTER);
		if (swept > 0) {
			log.info("Interrupted {} replies left streaming by a stopped process", swept);
		}
	}
}
