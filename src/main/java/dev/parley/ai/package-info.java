/**
 * Models and generation: the catalogue of {@code provider/model} ids, provider clients (Spring AI
 * behind a small port of our own), streamed and blocking generation with retries, timeouts and
 * fallback, users' own provider keys, usage metering and cost, and the OpenAI-compatible API.
 */
@ApplicationModule(displayName = "AI", allowedDependencies = { "conversations", "identity", "platform", "platform :: outbound" })
package dev.parley.ai;

import org.springframework.modulith.ApplicationModule;
