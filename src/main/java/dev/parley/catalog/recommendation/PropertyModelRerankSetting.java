package dev.parley.catalog.recommendation;

import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model re-ranking setting until the {@code ml_recommendations} flag replaces it: the same for
 * everyone, {@code parley.catalog.recommendations.model-rerank}.
 */
@Configuration(proxyBeanMethods = false)
class PropertyModelRerankSetting {

	@Bean
	@ConditionalOnMissingBean(ModelRerankSetting.class)
	ModelRerankSetting modelRerankSetting(RecommendationProperties properties) {
		return (UUID userId) -> properties.modelRerank();
	}
}
