package dev.parley.agents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who delegates to whom among one user's agents ({@code agent:<id>} tools). Delegation may not
 * loop, and a chain of agents handing work on may be at most {@link #MAX_DEPTH} hand-overs long,
 * so that a run's sub-runs stay bounded.
 */
final class DelegationGraph {

	/** The most hand-overs in a chain: A → B → C → D. */
	static final int MAX_DEPTH = 3;

	private final Map<UUID, List<UUID>> delegates;

	DelegationGraph(Map<UUID, List<UUID>> delegates) {
		this.delegates = Map.copyOf(delegates);
	}

	/** The graph with {@code agent}'s delegates replaced by {@code newDelegates}. */
	DelegationGraph with(UUID agent, List<UUID> newDelegates) {
		Map<UUID, List<UUID>> changed = new HashMap<>(delegates);
		changed.put(agent, List.copyOf(newDelegates));
		return new DelegationGraph(changed);
	}

	/** What is wrong with the delegation through {@code agent}, if anything. */
	Optional<String> problemThrough(UUID agent) {
		Optional<List<UUID>> cycle = cycleFrom(agent, new ArrayList<>(), new HashSet<>());
		if (cycle.isPresent()) {
			return Optional.of("delegation would loop back to an agent already in the chain (" + cycle.get().size()
					+ " agents in the loop)");
		}
		int depth = longestFrom(agent, new HashMap<>()) + longestTo(agent);
		if (depth > MAX_DEPTH) {
			return Optional.of("delegation would be " + depth + " hand-overs deep; at most " + MAX_DEPTH);
		}
		return Optional.empty();
	}

	private Optional<List<UUID>> cycleFrom(UUID agent, List<UUID> path, Set<UUID> done) {
		int seen = path.indexOf(agent);
		if (seen >= 0) {
			return Optional.of(List.copyOf(path.subList(seen, path.size())));
		}
		if (done.contains(agent)) {
			return Optional.empty();
		}
		path.add(agent);
		for (UUID next : delegates.getOrDefault(agent, List.of())) {
			Optional<List<UUID>> cycle = cycleFrom(next, path, done);
			if (cycle.isPresent()) {
				return cycle;
			}
		}
		path.removeLast();
		done.add(agent);
		return Optional.empty();
	}

	/** The most hand-overs below {@code agent}; the graph below it has no loop. */
	private int longestFrom(UUID agent, Map<UUID, Integer> known) {
		Integer cached = known.get(agent);
		if (cached != null) {
			return cached;
		}
		int longest = 0;
		for (UUID next : delegates.getOrDefault(agent, List.of())) {
			longest = Math.max(longest, 1 + longestFrom(next, known));
		}
		known.put(agent, longest);
		return longest;
	}

	/** The most hand-overs above {@code agent}: the longest chain of agents delegating down to it. */
	private int longestTo(UUID agent) {
		Map<UUID, List<UUID>> delegators = new HashMap<>();
		delegates.forEach((from, tos) -> tos.forEach(to -> delegators.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
		return longestUp(agent, delegators, new HashMap<>(), new HashSet<>());
	}

	private static int longestUp(UUID agent, Map<UUID, List<UUID>> delegators, Map<UUID, Integer> known,
			Set<UUID> onPath) {
		Integer cached = known.get(agent);
		if (cached != null) {
			return cached;
		}
		// Loops elsewhere in the graph (saved before these rules) must not hang the check.
		if (!onPath.add(agent)) {
			return 0;
		}
		int longest = 0;
		for (UUID previous : delegators.getOrDefault(agent, List.of())) {
			longest = Math.max(longest, 1 + longestUp(previous, delegators, known, onPath));
		}
		onPath.remove(agent);
		known.put(agent, longest);
		return longest;
	}
}
