package dev.parley.ai;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.identity.AuthenticatedUser;
import org.jspecify.annotations.Nullable;

/**
 * One of a user's places for a generation ({@code PARLEY_MAX_CONCURRENT_GENERATIONS}), taken with
 * {@link Generations#reserve} before anything is stored for it, so that a turn refused for want of
 * a place leaves no trace. The generation started with it gives it back when it ends (or when it
 * fails to start); whoever took it gives it back with {@link #release()} when no generation is
 * started with it. Giving it back more than once is harmless.
 */
public final class GenerationSlot {

	private final Runnable giveBack;

	/** Who asked, when known where the place was taken: the role and API key their quotas follow. */
	private final @Nullable AuthenticatedUser caller;

	private final AtomicBoolean released = new AtomicBoolean();

	GenerationSlot(Runnable giveBack, @Nullable AuthenticatedUser caller) {
		this.giveBack = giveBack;
		this.caller = caller;
	}

	@Nullable AuthenticatedUser caller() {
		return caller;
	}

	/**
	 * The place for one step of a run that holds this place across all its steps: the step's
	 * generation gives nothing back when it ends; the run releases this slot when it ends or pauses.
	 */
	public GenerationSlot forOneStep() {
		return new GenerationSlot(() -> {
		}, caller);
	}

	public void release() {
		if (released.compareAndSet(false, true)) {
			giveBack.run();
		}
	}
}
