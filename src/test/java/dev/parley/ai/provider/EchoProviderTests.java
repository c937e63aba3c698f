package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.ToolCall;
import dev.parley.ai.ToolDefinition;
import org.junit.jupiter.api.Test;

class EchoProviderTests {

	private final EchoProvider echo = new EchoProvider(Duration.ZERO);

	@Test
	void quotesTheLastUserMessageWordByWord() {
		List<ProviderChunk> chunks = echo.stream(call(100, PromptMessage.system("be brief"), PromptMessage.user("first"),
				PromptMessage.assistant("Echo: first"), PromptMessage.user("hello  brave new world")))
			.collectList()
			.block();
		assertThat(chunks).extracting(ProviderChunk::text).containsExactly("Echo:", " hello", " brave", " new", " world", "");
		ProviderChunk last = chunks.getLast();
		assertThat(last.finishReason()).isEqualTo("stop");
		assertThat(last.usage()).isEqualTo(new TokenUsage(2 + 1 + 2 + 4, 5));
	}

	@Test
	void stopsAtMaxTokens() {
		List<ProviderChunk> chunks = echo.stream(call(2, PromptMessage.user("one two three"))).collectList().block();
		assertThat(chunks).extracting(ProviderChunk::text).containsExactly("Echo:", " one", "");
		assertThat(chunks.getLast().finishReason()).isEqualTo("length");
		assertThat(chunks.getLast().usage().completionTokens()).isEqualTo(2);
	}

	@Test
	void callsAnOfferedToolWhenAskedWithSlashTool() {
		List<ProviderChunk> chunks = echo.stream(withTools(PromptMessage.user("/tool lookup {\"q\": 1}"))).collectList().block();

		assertThat(chunks).flatExtracting(ProviderChunk::toolCalls)
			.containsExactly(new ToolCall("call_echo_1", "lookup", "{\"q\": 1}"));
		assertThat(chunks).extracting(ProviderChunk::text).containsOnly("");
		assertThat(chunks.getLast().finishReason()).isEqualTo("tool_calls");
		assertThat(chunks.getLast().usage()).isEqualTo(new TokenUsage(4, 1));
	}

	@Test
	void aToolThatIsNotOfferedIsEchoedAsText() {
		List<ProviderChunk> chunks = echo.stream(withTools(PromptMessage.user("/tool delete_all {}"))).collectList().block();

		assertThat(chunks).flatExtracting(ProviderChunk::toolCalls).isEmpty();
		assertThat(chunks).extracting(ProviderChunk::text).containsExactly("Echo:", " /tool", " delete_all", " {}", "");
		assertThat(chunks.getLast().finishReason()).isEqualTo("stop");
	}

	@Test
	void quotesTheToolResultOnceItCameBack() {
		ToolCall call = new ToolCall("call_echo_1", "lookup", "{}");

		List<ProviderChunk> chunks = echo.stream(withTools(PromptMessage.user("/tool lookup {}"),
				PromptMessage.assistant("", List.of(call)), PromptMessage.tool("call_echo_1", "42 apples")))
			.collectList()
			.block();

		assertThat(String.join("", chunks.stream().map(ProviderChunk::text).toList()))
			.isEqualTo("Echo: tool lookup returned 42 apples");
		assertThat(chunks).flatExtracting(ProviderChunk::toolCalls).isEmpty();
		assertThat(chunks.getLast().finishReason()).isEqualTo("stop");
	}

	@Test
	void eachToolCallOfAConversationHasItsOwnId() {
		ToolCall first = new ToolCall("call_echo_1", "lookup", "{}");

		List<ProviderChunk> chunks = echo.stream(withTools(PromptMessage.user("/tool lookup {}"),
				PromptMessage.assistant("", List.of(first)), PromptMessage.tool("call_echo_1", "none"),
				PromptMessage.assistant("Echo: tool lookup returned none"), PromptMessage.user("/tool lookup {\"q\":2}")))
			.collectList()
			.block();

		assertThat(chunks).flatExtracting(ProviderChunk::toolCalls)
			.containsExactly(new ToolCall("call_echo_2", "lookup", "{\"q\":2}"));
	}

	private static ProviderCall withTools(PromptMessage... messages) {
		return new ProviderCall("echo", List.of(messages), null, 100, null, true,
				List.of(new ToolDefinition("lookup", "Looks a thing up", "{\"type\":\"object\"}")));
	}

	private static ProviderCall call(int maxTokens, PromptMessage... messages) {
		return new ProviderCall("echo", List.of(messages), null, maxTokens, null, true);
	}
}
