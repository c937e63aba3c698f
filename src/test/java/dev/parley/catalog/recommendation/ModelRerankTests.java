package dev.parley.catalog.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A model's answer held to the candidates, whatever it says. */
class ModelRerankTests {

	final ModelRerank rerank = new ModelRerank(null, JsonMapper.builder().build());

	final List<ModelRerank.Candidate> candidates = List.of(candidate(1), candidate(2), candidate(3));

	static ModelRerank.Candidate candidate(int n) {
		return new ModelRerank.Candidate(new UUID(3, n), "Gift " + n, "Books", List.of("novel"), "10 EUR", "Ours " + n);
	}

	@Test
	void anIdThatIsNoCandidateIsDroppedAndTheSetFilledFromParleysOrder() {
		UUID invented = UUID.randomUUID();
		String answer = """
				Sure! {"items": [{"product_id": "%s", "reason": "A great gift"},
				 {"product_id": "%s", "reason": "Cosy"}, {"product_id": "not-an-id"}, {"product_id": "%s", "reason": "again"}]}"""
			.formatted(invented, new UUID(3, 3), new UUID(3, 3));

		List<ModelRerank.Choice> chosen = rerank.validate(answer, candidates, 3);

		assertThat(chosen).extracting(ModelRerank.Choice::productId)
			.containsExactly(new UUID(3, 3), new UUID(3, 1), new UUID(3, 2));
		assertThat(chosen).extracting(ModelRerank.Choice::reason).containsExactly("Cosy", "Ours 1", "Ours 2");
		assertThat(chosen).extracting(ModelRerank.Choice::byModel).containsExactly(true, false, false);
	}

	@Test
	void anAnswerThatIsNoJsonLeavesParleysRanking() {
		assertThat(rerank.validate("I would pick the second one.", candidates, 2)).extracting(ModelRerank.Choice::productId)
			.containsExactly(new UUID(3, 1), new UUID(3, 2));
	}

	@Test
	void theEchoOfThePromptIsParleysOwnRankingAndReasons() {
		String echoed = "Echo: " + String.join(" ", rerank.prompt("birthday", candidates).split("\\s+"));

		assertThat(rerank.validate(echoed, candidates, 3)).extracting(ModelRerank.Choice::reason)
			.containsExactly("Ours 1", "Ours 2", "Ours 3");
	}
}
