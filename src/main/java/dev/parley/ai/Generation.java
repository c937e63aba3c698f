package dev.parley.ai;

/** A generation under way: it can be cancelled; its observer hears how it ends. */
public interface Generation {

	/** Stops the generation; the observer then receives a {@link GenerationFailed.Reason#CANCELLED} failure. */
	void cancel();

	/** For a request that asked for the response cache, whether it was answered from it; else {@code null}. */
	default @org.jspecify.annotations.Nullable CacheStatus cacheStatus() {
		return null;
	}
}
