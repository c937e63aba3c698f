/**
 * The provider port and its adapters: every model provider (OpenAI, Anthropic, Gemini, Ollama,
 * Bedrock, OpenAI-compatible servers, the built-in {@code local/echo}) streams the same
 * {@link dev.parley.ai.provider.ProviderChunk}s behind {@link dev.parley.ai.provider.ChatProvider}.
 */
@NullMarked
package dev.parley.ai.provider;

import org.jspecify.annotations.NullMarked;
