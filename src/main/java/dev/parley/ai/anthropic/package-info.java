/**
 * The Anthropic-compatible API: {@code POST /v1/messages} (whole and streamed, tools included), so
 * Anthropic's SDKs and the tools built on them work against Parley with a Parley API key, sent as
 * {@code x-api-key} or as a bearer token. Any model Parley offers answers, translated through the
 * module's provider port ({@link dev.parley.ai.Generations}); requests, responses, events and errors
 * follow Anthropic's wire format.
 */
@NullMarked
package dev.parley.ai.anthropic;

import org.jspecify.annotations.NullMarked;
