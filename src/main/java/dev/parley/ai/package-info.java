/**
 * Models and generation: the catalogue of {@code provider/model} ids, provider clients (Spring AI
 * behind a small port of our own), streamed and blocking generation with retries, timeouts and
 * fallback ({@link dev.parley.ai.Generations}, with a model and credential {@linkplain
 * dev.parley.ai.Generations#prepare prepared} once per turn), users' own provider keys, usage
 * metering and cost, embeddings ({@link dev.parley.ai.Embeddings}), the stateless
 * {@code /api/v1/ai/generate}, the OpenAI-compatible API ({@code /v1}) and the Anthropic-compatible
 * {@code /v1/messages}. Chat turns are run by {@code agents} and their replies streamed by {@code realtime}.
 */
@ApplicationModule(displayName = "AI",
		allowedDependencies = { "conversations", "identity", "platform", "platform :: limits", "platform :: outbound", "platform :: streams" })
@NullMarked
package dev.parley.ai;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
