/**
 * The OpenAI-compatible API under {@code /v1}: {@code POST /v1/chat/completions} (blocking and
 * streamed), {@code POST /v1/responses} (passed through for {@code openai/*}, bridged onto the
 * provider port for the others), {@code POST /v1/embeddings} and {@code GET /v1/models}, so OpenAI
 * SDKs and tools work against Parley with a Parley API key (or an access token) as their key.
 * Requests and responses follow OpenAI's wire format, errors included; generation itself is the
 * module's {@link dev.parley.ai.Generations}. A request is translated for the model's provider by
 * {@code ChatRequestTranslator} (tools, tool choice, response format, sampling, images), refusing by
 * name what the provider cannot honour.
 */
@NullMarked
package dev.parley.ai.openai;

import org.jspecify.annotations.NullMarked;
