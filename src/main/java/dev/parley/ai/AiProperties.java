package dev.parley.ai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the AI module; application.yaml names the environment variable of each.
 *
 * @param defaultModel the model used when neither the request nor the chat names one
 *     ({@code PARLEY_DEFAULT_MODEL})
 * @param echo the built-in development model {@code local/echo}
 * @param models the curated catalogue: what {@code GET /api/v1/ai/models} lists, with context
 *     windows and prices
 * @param limits caps on what one request or one user may ask for
 */
@ConfigurationProperties("parley.ai")
public record AiProperties(@DefaultValue("local/echo") String defaultModel, @DefaultValue Echo echo,
		@DefaultValue List<CatalogueEntry> models, @DefaultValue Limits limits) {

	/**
	 * @param enabled whether {@code local/echo} is offered
	 * @param delay the pause between streamed words
	 */
	public record Echo(@DefaultValue("true") boolean enabled, @DefaultValue("20ms") Duration delay) {
	}

	/**
	 * A model of the catalogue.
	 *
	 * @param id {@code provider/model}
	 * @param name a display name
	 * @param contextWindow how many tokens of prompt and answer the model takes
	 * @param inputPerMtok USD per million prompt tokens, or {@code null} when unknown
	 * @param outputPerMtok USD per million completion tokens, or {@code null} when unknown
	 * @param tools whether the model can call tools
	 */
	public record CatalogueEntry(String id, String name, @DefaultValue("8192") int contextWindow,
			BigDecimal inputPerMtok, BigDecimal outputPerMtok, @DefaultValue("true") boolean tools) {
	}

	/**
	 * @param maxTokens the most tokens one answer may have; larger requests are capped to it
	 * @param defaultContextWindow assumed for models the catalogue does not list
	 * @param maxConcurrentPerUser generations one user may have running at once (429 past it)
	 */
	public record Limits(@DefaultValue("4096") int maxTokens, @DefaultValue("8192") int defaultContextWindow,
			@DefaultValue("4") int maxConcurrentPerUser) {
	}
}
