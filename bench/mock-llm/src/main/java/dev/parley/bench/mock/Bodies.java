package dev.parley.bench.mock;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed replies: one text of about 1 KB, served whole in a ~1.4 KB OpenAI or Anthropic body, or
 * cut into N pieces for streaming. Bodies are built by concatenation (no JSON library on the hot path).
 */
final class Bodies {

	static final String TEXT = "Lisbon rewards slow walking. Start in Alfama before the tour groups arrive: the lanes "
			+ "below the castle are quiet until ten, the laundry is out, and the miradouros of Santa Luzia and Portas "
			+ "do Sol give you the river and the rooftops in one frame. Walk down to the cathedral, then take tram 28 "
			+ "only if you can board at the terminus; otherwise the climb to Graca on foot is shorter than the queue. "
			+ "In the afternoon cross to Belem for the monastery and the tower, and buy the custard tarts from the "
			+ "original bakery, eaten warm with cinnamon. Evenings belong to Bairro Alto and Principe Real: fado in a "
			+ "small tasca rather than a dinner show, grilled sardines in June, and a glass of vinho verde on a terrace. "
			+ "Keep a day for Sintra, leave early by train from Rossio, and see Pena Palace first. Wear shoes with grip, "
			+ "the limestone pavements are polished and slippery after rain. Carry a card for the metro, and expect "
			+ "most places to close between lunch and dinner. For the last evening, book a table at a marisqueira in "
			+ "Cais do Sodre and finish with a ginjinha in a paper cup.";

	static final int PROMPT_TOKENS = 42;

	static final int COMPLETION_TOKENS = 236;

	private static final Map<Integer, String[]> PIECES = new ConcurrentHashMap<>();

	private Bodies() {
	}

	static byte[] openAiCompletion(String model, LatencyMode mode) {
		return ("{\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + model
				+ "\",\"system_fingerprint\":\"fp_mock\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
				+ "\"content\":\"" + TEXT + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
				+ "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS
				+ ",\"completion_tokens\":" + COMPLETION_TOKENS + ",\"total_tokens\":"
				+ (PROMPT_TOKENS + COMPLETION_TOKENS) + "},\"service_tier\":\"default\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] anthropicMessage(String model) {
		return ("{\"id\":\"msg_mock\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model
				+ "\",\"content\":[{\"type\":\"text\",\"text\":\"" + TEXT + "\"}],\"stop_reason\":\"end_turn\","
				+ "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + PROMPT_TOKENS + ",\"output_tokens\":"
				+ COMPLETION_TOKENS + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** {@link #TEXT} cut into {@code count} pieces of nearly equal length, cached per count. */
	static String[] pieces(int count) {
		return PIECES.computeIfAbsent(count, n -> {
			String[] pieces = new String[n];
			int length = TEXT.length();
			for (int i = 0; i < n; i++) {
				pieces[i] = TEXT.substring((int) ((long) length * i / n), (int) ((long) length * (i + 1) / n));
			}
			return pieces;
		});
	}

	static String openAiChunk(String model, String content, boolean first) {
		String delta = first ? "{\"role\":\"assistant\",\"content\":\"" + content + "\"}"
				: "{\"content\":\"" + content + "\"}";
		return "data: {\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
				+ "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta
				+ ",\"logprobs\":null,\"finish_reason\":null}]}\n\n";
	}

	static String openAiEnd(String model, boolean includeUsage, int chunks) {
		String finish = "data: {\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
				+ "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,"
				+ "\"finish_reason\":\"stop\"}]" + (includeUsage ? ",\"usage\":null" : "") + "}\n\n";
		String usage = includeUsage ? "data: {\"id\":\"chatcmpl-mock\",\"object\":\"chat.completion.chunk\","
				+ "\"created\":1700000000,\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
				+ PROMPT_TOKENS + ",\"completion_tokens\":" + chunks + ",\"total_tokens\":" + (PROMPT_TOKENS + chunks)
				+ "}}\n\n" : "";
		return finish + usage + "data: [DONE]\n\n";
	}

	static String anthropicStart(String model) {
		return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_mock\","
				+ "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],"
				+ "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + PROMPT_TOKENS
				+ ",\"output_tokens\":1}}}\n\n"
				+ "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
				+ "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
				+ "event: ping\ndata: {\"type\":\"ping\"}\n\n";
	}

	static String anthropicDelta(String content) {
		return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
				+ "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + content + "\"}}\n\n";
	}

	static String anthropicEnd(int chunks) {
		return "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
				+ "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
				+ "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + chunks + "}}\n\n"
				+ "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
	}
}
