/**
 * Parley's recommender: what a person's swipes and interactions say they like, and products ranked
 * for them from it. A blend of item-item collaborative filtering (cosine over everyone's signals,
 * the nearest neighbours kept per item), content affinity over category, tags, price band and
 * attributes (cold start, and what a dislike lowers), and popularity as the fallback. The engine is
 * plain Java over a {@link dev.parley.catalog.recommendation.RecommenderModel} built once per
 * refresh; production and the offline evaluation run the same code over the same structures.
 */
@NullMarked
package dev.parley.catalog.recommendation;

import org.jspecify.annotations.NullMarked;
