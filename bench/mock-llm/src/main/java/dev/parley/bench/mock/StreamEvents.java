package dev.parley.bench.mock;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoded events of a streamed reply, built once per (model, chunks, format) and reused by every
 * stream: index i &lt; chunks is chunk i (the first also carries Anthropic's opening events), index
 * chunks is the closing events. Keeps the per-chunk cost of the mock to one buffer wrap and a write.
 */
final class StreamEvents {

	private static final int MAX_CACHED = 256;

	private static final Map<String, byte[][]> CACHE = new ConcurrentHashMap<>();

	private StreamEvents() {
	}

	static byte[][] of(String model, int chunks, boolean anthropic, boolean includeUsage) {
		String key = model + '|' + chunks + '|' + anthropic + '|' + includeUsage;
		byte[][] cached = CACHE.get(key);
		if (cached != null) {
			return cached;
		}
		byte[][] events = build(model, chunks, anthropic, includeUsage);
		if (CACHE.size() < MAX_CACHED) {
			CACHE.put(key, events);
		}
		return events;
	}

	private static byte[][] build(String model, int chunks, boolean anthropic, boolean includeUsage) {
		String[] pieces = Bodies.pieces(chunks);
		byte[][] events = new byte[chunks + 1][];
		for (int i = 0; i < chunks; i++) {
			String event = anthropic ? (i == 0 ? Bodies.anthropicStart(model) : "") + Bodies.anthropicDelta(pieces[i])
					: Bodies.openAiChunk(model, pieces[i], i == 0);
			events[i] = event.getBytes(StandardCharsets.UTF_8);
		}
		events[chunks] = (anthropic ? Bodies.anthropicEnd(chunks) : Bodies.openAiEnd(model, includeUsage, chunks))
			.getBytes(StandardCharsets.UTF_8);
		return events;
	}
}
