package dev.parley.agents.runs;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The runs going on in this process. It keeps them alive in the ledger (a heartbeat every few
 * seconds, one statement for all), and ends the runs no process keeps alive any more: a run whose
 * process stopped fails, and its tool steps left running become interrupted — never run again
 * silently. Runs paused for a person's approval need no heartbeat and are never swept.
 */
@Component
public class LiveRuns {

	private static final Logger log = LoggerFactory.getLogger(LiveRuns.class);

	/** Twelve missed heartbeats: a process this late has stopped or lost its database. */
	static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

	private final Set<UUID> running = ConcurrentHashMap.newKeySet();

	private final Runs runs;

	LiveRuns(Runs runs) {
		this.runs = runs;
	}

	/** This process runs it now. */
	public void add(UUID runId) {
		running.add(runId);
	}

	/** This process no longer runs it (it ended or paused). */
	public void remove(UUID runId) {
		running.remove(runId);
	}

	@Scheduled(fixedDelay = 5_000)
	void heartbeat() {
		try {
			runs.heartbeat(Set.copyOf(running));
		}
		catch (RuntimeException ex) {
			log.warn("Could not keep {} runs alive; retrying in a few seconds", running.size(), ex);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
	void endAbandoned() {
		int swept = runs.sweepAbandoned(ABANDONED_AFTER);
		if (swept > 0) {
			log.info("Ended {} runs left running by a stopped process; their running tool steps are interrupted", swept);
		}
	}
}
