package dev.parley.catalog.recommendation;

import java.util.UUID;

/**
 * Whether a model re-ranks and explains a user's generated recommendations. Today it is the
 * setting {@code parley.catalog.recommendations.model-rerank}; it is the seam where the feature flag
 * {@code ml_recommendations} (module platform) plugs in, per user.
 */
interface ModelRerankSetting {

	boolean enabled(UUID userId);
}
