package dev.parley.agents;

import org.jspecify.annotations.Nullable;

/**
 * Whether an agent's answers are kept in the response cache. Only an agent without tools and at
 * temperature 0 may have it on (its answers are then reproducible); a turn of it that asks for
 * another temperature is not cached.
 *
 * @param enabled whether its turns are answered from the cache when an identical prompt was answered
 * @param ttlSeconds how long its answers live, or {@code null} for the server's default (capped by
 *     the server's maximum)
 * @param shared set by admins only: one cache for every user of the agent, and every user may run it
 *     by id (it is a published prompt set); else each user's entries are their own
 */
public record AgentCache(boolean enabled, @Nullable Integer ttlSeconds, boolean shared) {

	public static final AgentCache OFF = new AgentCache(false, null, false);
}
