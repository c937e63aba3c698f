package dev.parley.ai.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import reactor.core.publisher.Flux;

/**
 * {@code local/echo}: a development model that needs no key. It streams, word by word, a
 * deterministic reply quoting the last user message, and reports usage counted in words. It is
 * what a first run without provider keys answers with, and what the tests stream from.
 */
public class EchoProvider implements ChatProvider {

	public static final String ID = "local";

	public static final String MODEL = "echo";

	private final Duration delayPerWord;

	public EchoProvider(Duration delayPerWord) {
		this.delayPerWord = delayPerWord;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean development() {
		return true;
	}

	@Override
	public Flux<ProviderChunk> stream(ProviderCall call) {
		List<String> words = replyWords(call.messages());
		List<String> sent = words.subList(0, Math.min(words.size(), Math.max(1, call.maxTokens())));
		boolean truncated = sent.size() < words.size();
		int promptTokens = call.messages().stream().mapToInt(message -> countWords(message.content())).sum();
		List<ProviderChunk> chunks = new ArrayList<>();
		for (int i = 0; i < sent.size(); i++) {
			chunks.add(ProviderChunk.text(i == 0 ? sent.get(i) : " " + sent.get(i)));
		}
		chunks.add(new ProviderChunk("", truncated ? "length" : "stop", new TokenUsage(promptTokens, sent.size())));
		Flux<ProviderChunk> stream = Flux.fromIterable(chunks);
		return delayPerWord.isZero() ? stream : stream.delayElements(delayPerWord);
	}

	static List<String> replyWords(List<PromptMessage> messages) {
		String lastUserMessage = messages.reversed()
			.stream()
			.filter(message -> message.role() == PromptMessage.Role.USER)
			.map(PromptMessage::content)
			.findFirst()
			.orElse("");
		List<String> words = new ArrayList<>(List.of("Echo:"));
		for (String word : lastUserMessage.trim().split("\\s+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		if (words.size() == 1) {
			words.add("(nothing to echo)");
		}
		return words;
	}

	private static int countWords(String text) {
		String trimmed = text == null ? "" : text.trim();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}
}
