package dev.parley.catalog.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.parley.ai.GenerationRequest;
import dev.parley.ai.GenerationResult;
import dev.parley.ai.Generations;
import dev.parley.ai.PromptMessage;
import dev.parley.platform.ParleyException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a model to re-rank and explain Parley's candidates, and keeps only what the catalogue
 * allows: an id the model names counts only if it is one of the candidates (active products Parley
 * chose), once; anything else (an id that does not exist, an inactive product, a duplicate, text
 * that is no JSON) is dropped, and the set is filled up from Parley's own order. A model that fails
 * or cannot be reached leaves Parley's ranking as it is.
 *
 * <p>The candidates go to the model as the JSON object it should answer with, in Parley's order and
 * with Parley's reasons, so {@code local/echo} (which repeats the prompt) gives back exactly
 * Parley's ranking: a deterministic explanation for development and tests.
 */
@Component
class ModelRerank {

	private static final Logger log = LoggerFactory.getLogger(ModelRerank.class);

	static final int MAX_REASON = 300;

	private static final String INSTRUCTIONS = """
			You re-rank gift recommendations for one person. Answer with one JSON object and nothing else:
			{"items": [{"product_id": "<id>", "reason": "<one short sentence for the person>"}]}, best first.
			Use only product ids from the candidates below; never invent one.""";

	/** A candidate as the model sees it. */
	record Candidate(UUID productId, String name, @Nullable String category, List<String> tags, String price,
			String reason) {
	}

	/** One product chosen, with its reason; {@code byModel} when the model chose it and wrote the reason. */
	record Choice(UUID productId, String reason, boolean byModel) {
	}

	/**
	 * The outcome: the chosen products, best first, and the model whose answer chose some of them
	 * ({@code null} when none came from a model).
	 */
	record Reranked(List<Choice> items, @Nullable String model) {
	}

	private final Generations generations;

	private final JsonMapper json;

	ModelRerank(Generations generations, JsonMapper json) {
		this.generations = generations;
		this.json = json;
	}

	Reranked rerank(UUID userId, @Nullable String model, String context, List<Candidate> candidates, int limit) {
		String answer;
		String answeredBy;
		try {
			GenerationResult result = generations.generate(new GenerationRequest(userId, model,
					List.of(PromptMessage.system(INSTRUCTIONS), PromptMessage.user(prompt(context, candidates))), 0.0,
					2000));
			answer = result.content();
			answeredBy = result.model();
		}
		catch (ParleyException ex) {
			log.warn("The model could not re-rank recommendations ({}); Parley's ranking stands", ex.getMessage());
			return new Reranked(ours(candidates, limit), null);
		}
		List<Choice> choices = validate(answer, candidates, limit);
		return new Reranked(choices, choices.stream().anyMatch(Choice::byModel) ? answeredBy : null);
	}

	String prompt(String context, List<Candidate> candidates) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Candidate candidate : candidates) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("product_id", candidate.productId().toString());
			item.put("reason", candidate.reason());
			item.put("name", candidate.name());
			if (candidate.category() != null) {
				item.put("category", candidate.category());
			}
			item.put("tags", candidate.tags());
			item.put("price", candidate.price());
			items.add(item);
		}
		return "Context: " + (context.isBlank() ? "(none)" : context) + "\nCandidates, best first by Parley:\n"
				+ json.writeValueAsString(Map.of("items", items));
	}

	/** The model's choice, held to the candidates; filled up from Parley's order. */
	List<Choice> validate(String answer, List<Candidate> candidates, int limit) {
		Map<UUID, Candidate> known = new LinkedHashMap<>();
		candidates.forEach(candidate -> known.put(candidate.productId(), candidate));
		Map<UUID, Choice> chosen = new LinkedHashMap<>();
		Set<String> refused = new LinkedHashSet<>();
		JsonNode items = items(answer);
		if (items != null) {
			for (JsonNode item : items) {
				if (chosen.size() == limit) {
					break;
				}
				String id = item.path("product_id").asString("");
				UUID productId = uuid(id);
				if (productId == null || !known.containsKey(productId)) {
					refused.add(id);
					continue;
				}
				String reason = item.path("reason").asString("").strip();
				chosen.putIfAbsent(productId, reason.isEmpty() ? new Choice(productId, known.get(productId).reason(), true)
						: new Choice(productId, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason, true));
			}
		}
		if (!refused.isEmpty()) {
			log.warn("A model named products that are not among the candidates; dropped: {}", refused);
		}
		for (Candidate candidate : candidates) {
			if (chosen.size() == limit) {
				break;
			}
			chosen.putIfAbsent(candidate.productId(), new Choice(candidate.productId(), candidate.reason(), false));
		}
		return List.copyOf(chosen.values());
	}

	private @Nullable JsonNode items(String answer) {
		int start = answer.indexOf("{");
		while (start >= 0) {
			try {
				JsonNode node = json.readerFor(JsonNode.class).readValue(answer.substring(start));
				if (node.path("items").isArray()) {
					return node.get("items");
				}
			}
			catch (RuntimeException ex) {
				// Not JSON from here (text around the object, or a truncated answer): try the next brace.
			}
			start = answer.indexOf("{", start + 1);
		}
		log.warn("A model's re-ranking was not the JSON asked for; Parley's ranking stands");
		return null;
	}

	private static @Nullable UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<Choice> ours(List<Candidate> candidates, int limit) {
		return candidates.stream()
			.limit(limit)
			.map(candidate -> new Choice(candidate.productId(), candidate.reason(), false))
			.toList();
	}
}
