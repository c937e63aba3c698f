package dev.parley.ai.metering;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.ai.AiProperties;
import dev.parley.ai.TooManyGenerations;
import dev.parley.identity.ApiKeyLimits;
import dev.parley.identity.CallerLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many generations each user has running on this node, capped by
 * {@code parley.ai.limits.max-concurrent-per-user} for interactive sessions (access tokens). A request
 * made with an API key counts against the key instead, capped by the key's {@code max_parallel_requests}
 * (or {@code parley.identity.api-keys.default-max-parallel-requests}): a script with 50 connections is
 * not held to a person's 4. A permit is taken before anything is stored for a generation (checking and
 * taking are one step, so that two requests cannot both pass a check for the last place) and given
 * back when it ends.
 */
@Component
public class UserConcurrency {

	private final Map<String, Integer> running = new ConcurrentHashMap<>();

	private final int limit;

	private final @Nullable CallerLimits callers;

	@Autowired
	UserConcurrency(AiProperties properties, CallerLimits callers) {
		this.limit = properties.limits().maxConcurrentPerUser();
		this.callers = callers;
	}

	/** Every user capped at {@code limit}, whatever their credential (objects built by hand). */
	public UserConcurrency(int limit) {
		this.limit = limit;
		this.callers = null;
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
		CallerLimits keys = callers;
		Optional<ApiKeyLimits> key = keys == null ? Optional.empty() : keys.ofCurrentApiKey();
		String scope = key.map(found -> "key:" + found.keyId()).orElse("user:" + userId);
		int cap = keys == null || key.isEmpty() ? limit : keys.maxParallelRequests(key.get());
		AtomicBoolean granted = new AtomicBoolean();
		running.compute(scope, (id, count) -> {
			int current = count == null ? 0 : count;
			if (current >= cap) {
				return count;
			}
			granted.set(true);
			return current + 1;
		});
		if (!granted.get()) {
			throw new TooManyGenerations(cap);
		}
		return new Permit(scope);
	}

	/** A running generation's place; released once, however often {@link #release()} is called. */
	public final class Permit {

		private final @Nullable String scope;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(@Nullable String scope) {
			this.scope = scope;
		}

		public void release() {
			if (scope != null && released.compareAndSet(false, true)) {
				running.computeIfPresent(scope, (id, count) -> count <= 1 ? null : count - 1);
			}
		}
	}
}
