package dev.parley.ai.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * {@code local/echo}: a development model that needs no key. It streams, word by word, a
 * deterministic reply quoting the last user message, and reports usage counted in words. It is
 * what a first run without provider keys answers with, and what the tests stream from.
 * <p>
 * It calls tools on request, so that tool loops can be tried without a real model:
 * <ul>
 * <li>when the last message is the user's {@code /tool <name> <json>} and the call offers a tool
 * called {@code <name>}, it answers with that one tool call (arguments: the rest of the line as
 * written, {@code {}} when there is none; id {@code call_echo_<n>}, the n-th call of the
 * conversation), finishing with {@code tool_calls};</li>
 * <li>when the last message is a tool's result, it answers in text:
 * {@code Echo: tool <name> returned <result>};</li>
 * <li>a {@code /tool} line naming a tool that is not offered is echoed like any other text.</li>
 * </ul>
 * A stop sequence ends the reply before the word in which it begins (finishing with {@code stop});
 * tool choice {@code none} offers no tools. Sampling settings change nothing: it is deterministic.
 */
public class EchoProvider implements ChatProvider {

	public static final String ID = "local";

	public static final String MODEL = "echo";

	private static final Pattern TOOL_COMMAND = Pattern.compile("/tool\\s+([A-Za-z0-9_-]+)(?:\\s+(.*))?", Pattern.DOTALL);

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
		int promptTokens = call.messages().stream().mapToInt(message -> countWords(message.content())).sum();
		ToolCall toolCall = requestedToolCall(call);
		if (toolCall != null) {
			return Flux.just(new ProviderChunk("", null, null, List.of(toolCall)),
					new ProviderChunk("", "tool_calls", new TokenUsage(promptTokens, 1)));
		}
		List<String> words = replyWords(call.messages());
		List<String> sent = words.subList(0, Math.min(words.size(), Math.max(1, call.maxTokens())));
		boolean truncated = sent.size() < words.size();
		int stop = stopAt(sent, call.options().stop());
		if (stop >= 0) {
			sent = sent.subList(0, stop);
			truncated = false;
		}
		List<ProviderChunk> chunks = new ArrayList<>();
		for (int i = 0; i < sent.size(); i++) {
			chunks.add(ProviderChunk.text(i == 0 ? sent.get(i) : " " + sent.get(i)));
		}
		chunks.add(new ProviderChunk("", truncated ? "length" : "stop", new TokenUsage(promptTokens, sent.size())));
		Flux<ProviderChunk> stream = Flux.fromIterable(chunks);
		return delayPerWord.isZero() ? stream : stream.delayElements(delayPerWord);
	}

	/** The call a {@code /tool <name> <json>} line asks for, when it is the last message and names an offered tool. */
	private static @Nullable ToolCall requestedToolCall(ProviderCall call) {
		if (call.messages().isEmpty() || call.messages().getLast().role() != PromptMessage.Role.USER) {
			return null;
		}
		Matcher command = TOOL_COMMAND.matcher(call.messages().getLast().content().strip());
		if (!command.matches() || call.offeredTools().stream().noneMatch(tool -> tool.name().equals(command.group(1)))) {
			return null;
		}
		long earlierCalls = call.messages().stream().mapToLong(message -> message.toolCalls().size()).sum();
		String arguments = command.group(2) == null ? "" : command.group(2).strip();
		return new ToolCall("call_echo_" + (earlierCalls + 1), command.group(1), arguments);
	}

	/** The index of the first word at which a stop sequence begins, or -1: the reply ends before it. */
	private static int stopAt(List<String> words, List<String> stops) {
		String text = "";
		for (int i = 0; i < words.size(); i++) {
			text = i == 0 ? words.get(i) : text + " " + words.get(i);
			for (String stop : stops) {
				if (!stop.isEmpty() && text.contains(stop)) {
					return i;
				}
			}
		}
		return -1;
	}

	static List<String> replyWords(List<PromptMessage> messages) {
		if (!messages.isEmpty() && messages.getLast().role() == PromptMessage.Role.TOOL) {
			return toolResultWords(messages);
		}
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

	private static List<String> toolResultWords(List<PromptMessage> messages) {
		PromptMessage result = messages.getLast();
		String name = messages.stream()
			.flatMap(message -> message.toolCalls().stream())
			.filter(call -> call.id().equals(result.toolCallId()))
			.map(ToolCall::name)
			.reduce((first, last) -> last)
			.orElse("(unknown)");
		List<String> words = new ArrayList<>(List.of("Echo:", "tool", name, "returned"));
		for (String word : result.content().trim().split("\\s+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		if (words.size() == 4) {
			words.add("(nothing)");
		}
		return words;
	}

	private static int countWords(String text) {
		String trimmed = text == null ? "" : text.trim();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}
}
