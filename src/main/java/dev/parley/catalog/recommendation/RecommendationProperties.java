package dev.parley.catalog.recommendation;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of swipes and recommendations ({@code parley.catalog.recommendations}).
 *
 * @param refreshInterval how often the model is rebuilt: the catalogue read again and the item-item
 * similarities recomputed (by one node) or reloaded (by the others)
 * @param neighbours how many most similar items are kept per item
 * @param rerankModel the model that does it; {@code null} for the server's default
 * @param firstCards how many cards a new swipe session deals
 */
@ConfigurationProperties("parley.catalog.recommendations")
record RecommendationProperties(@DefaultValue("5m") Duration refreshInterval, @DefaultValue("50") int neighbours,
		@Nullable String rerankModel, @DefaultValue("10") int firstCards) {

	RecommendationProperties {
		rerankModel = rerankModel == null || rerankModel.isBlank() ? null : rerankModel.strip();
	}
}
