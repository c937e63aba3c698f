package dev.parley.ai.metering;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.ai.AiProperties;
import dev.parley.ai.TooManyGenerations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many generations each user has running on this node, capped by
 * {@code parley.ai.limits.max-concurrent-per-user}. A permit is taken before anything is stored for a
 * generation (checking and taking are one step, so that two requests cannot both pass a check for
 * the last place) and given back when it ends.
 */
@Component
public class UserConcurrency {

	private final Map<UUID, Integer> running = new ConcurrentHashMap<>();

	private final int limit;

	@Autowired
	UserConcurrency(AiProperties properties) {
		this(properties.limits().maxConcurrentPerUser());
	}

	public UserConcurrency(int limit) {
		this.limit = limit;
	}

	/**
	 * A place for one more generation of this user; generations made for no user (internal ones)
	 * are not capped.
	 * @throws TooManyGenerations when the user is at the limit
	 */
	public Permit acquire(@Nullable UUID userId) {
		if (userId == null) {
			return new Permit(null);
		}
		AtomicBoolean granted = new AtomicBoolean();
		running.compute(userId, (id, count) -> {
			int current = count == null ? 0 : count;
			if (current >= limit) {
				return count;
			}
			granted.set(true);
			return current + 1;
		});
		if (!granted.get()) {
			throw new TooManyGenerations(limit);
		}
		return new Permit(userId);
	}

	/** A running generation's place; released once, however often {@link #release()} is called. */
	public final class Permit {

		private final @Nullable UUID userId;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(@Nullable UUID userId) {
			this.userId = userId;
		}

		public void release() {
			if (userId != null && released.compareAndSet(false, true)) {
				running.computeIfPresent(userId, (id, count) -> count <= 1 ? null : count - 1);
			}
		}
	}
}
