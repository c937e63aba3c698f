package dev.parley.ai.completion;

import java.time.Duration;

/** Where a reader follows a reply from: the live generation here, or the stored row. */
interface ReplySource {

	/** Text past {@code offset} and the outcome once ended; waits at most {@code timeout} for either. */
	LiveReply.Progress awaitPast(int offset, Duration timeout) throws InterruptedException;
}
