/**
 * Keeping generations up when providers are not: timeouts, retries with backoff, and a circuit
 * breaker per provider around every provider stream.
 */
@NullMarked
package dev.parley.ai.resilience;

import org.jspecify.annotations.NullMarked;
