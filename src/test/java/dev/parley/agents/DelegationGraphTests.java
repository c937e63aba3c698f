package dev.parley.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DelegationGraphTests {

	final UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID(),
			e = UUID.randomUUID();

	@Test
	void acceptsAChainOfThreeHandOvers() {
		DelegationGraph graph = new DelegationGraph(Map.of(b, List.of(c), c, List.of(d)));

		assertThat(graph.with(a, List.of(b)).problemThrough(a)).isEmpty();
	}

	@Test
	void refusesAFourthHandOverBelow() {
		DelegationGraph graph = new DelegationGraph(Map.of(b, List.of(c), c, List.of(d), d, List.of(e)));

		assertThat(graph.with(a, List.of(b)).problemThrough(a)).hasValueSatisfying(
				problem -> assertThat(problem).contains("4 hand-overs deep"));
	}

	@Test
	void countsTheChainAboveTheChangedAgentToo() {
		// a → b already; b now delegates to c → d: a → b → c → d → is three, and e → a makes four.
		DelegationGraph graph = new DelegationGraph(Map.of(e, List.of(a), a, List.of(b), c, List.of(d)));

		assertThat(graph.with(b, List.of(c)).problemThrough(b)).hasValueSatisfying(
				problem -> assertThat(problem).contains("4 hand-overs deep"));
		assertThat(new DelegationGraph(Map.of(a, List.of(b), c, List.of(d))).with(b, List.of(c)).problemThrough(b))
			.isEmpty();
	}

	@Test
	void refusesALoop() {
		DelegationGraph graph = new DelegationGraph(Map.of(b, List.of(c), c, List.of(a)));

		assertThat(graph.with(a, List.of(b)).problemThrough(a)).hasValueSatisfying(
				problem -> assertThat(problem).contains("loop").contains("3 agents"));
	}

	@Test
	void refusesALoopOfTwo() {
		DelegationGraph graph = new DelegationGraph(Map.of(b, List.of(a)));

		assertThat(graph.with(a, List.of(b)).problemThrough(a)).isPresent();
	}

	@Test
	void aDiamondIsNoLoop() {
		DelegationGraph graph = new DelegationGraph(Map.of(b, List.of(d), c, List.of(d)));

		assertThat(graph.with(a, List.of(b, c)).problemThrough(a)).isEmpty();
	}
}
