package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.TokenUsage;
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

	private static ProviderCall call(int maxTokens, PromptMessage... messages) {
		return new ProviderCall("echo", List.of(messages), null, maxTokens, null, true);
	}
}
