/**
 * Metering of generations: how many one user may run at once, and the {@link dev.parley.ai.GenerationCompleted}
 * published, with tokens, cost and timings, when each one ends.
 */
@NullMarked
package dev.parley.ai.metering;

import org.jspecify.annotations.NullMarked;
