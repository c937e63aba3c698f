/**
 * Keeping generations up when providers are not: timeouts, retries with backoff, and a circuit
 * breaker per endpoint and model around every provider call.
 */
@NullMarked
package dev.parley.ai.resilience;

import org.jspecify.annotations.NullMarked;
