package dev.parley.agents.tools.code;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of one {@code run_code} run; application.yaml names the environment variable of each.
 *
 * @param cpuTime CPU time the script's thread may use
 * @param wallTime how long a run may take from start to end (a run also stops at its run's deadline)
 * @param statements JavaScript statements a run may execute
 * @param allocation bytes the script's thread may allocate in total, garbage included (a bound on
 *     allocation, checked every few milliseconds, not on the live heap)
 * @param largestValue the longest string (in chars) and typed array or {@code ArrayBuffer} (in
 *     elements) a script may create in one go
 * @param output how much of stdout and of the result is kept; the rest is cut
 * @param concurrentRuns how many runs execute at once on this node; more wait for a free slot
 */
@ConfigurationProperties("parley.agents.code")
record CodeProperties(@DefaultValue("5s") Duration cpuTime, @DefaultValue("10s") Duration wallTime,
		@DefaultValue("50000000") long statements, @DefaultValue("512MB") DataSize allocation,
		@DefaultValue("16777216") int largestValue, @DefaultValue("64KB") DataSize output,
		@DefaultValue("2") int concurrentRuns) {

	CodeProperties {
		if (concurrentRuns < 1 || statements < 1 || largestValue < 1024) {
			throw new IllegalArgumentException(
					"parley.agents.code: concurrent-runs and statements must be positive, largest-value at least 1024");
		}
	}
}
