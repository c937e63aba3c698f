/**
 * The response cache: answers of identical requests (same scope, model, prompt and parameters,
 * reproducible ones only) kept in PostgreSQL for a time to live and replayed without calling the
 * provider. One mechanism for every path: {@code Generations} (chat turns, {@code /api/v1/ai/generate},
 * translated {@code /v1}) and the {@code /v1} pass-through (the upstream's bytes).
 */
@NullMarked
package dev.parley.ai.cache;

import org.jspecify.annotations.NullMarked;
