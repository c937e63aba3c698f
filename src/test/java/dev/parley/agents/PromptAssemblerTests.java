package dev.parley.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.ai.PromptMessage;
import dev.parley.ai.ToolCall;
import dev.parley.conversations.HistoryMessage;
import dev.parley.conversations.MessageRole;
import dev.parley.conversations.ToolCallRecord;
import org.junit.jupiter.api.Test;

class PromptAssemblerTests {

	private static final HistoryMessage QUESTION = new HistoryMessage(MessageRole.USER, "weather in Oslo?");

	private static final HistoryMessage CALL = new HistoryMessage(MessageRole.ASSISTANT, "",
			List.of(new ToolCallRecord("call_1", "weather", "{\"city\":\"Oslo\"}")), null);

	private static final HistoryMessage RESULT = new HistoryMessage(MessageRole.TOOL, "{\"celsius\": 3}", List.of(),
			"call_1");

	private static final HistoryMessage ANSWER = new HistoryMessage(MessageRole.ASSISTANT, "3 degrees.");

	@Test
	void carriesToolCallsAndToolResultsIntoThePrompt() {
		List<PromptMessage> prompt = PromptAssembler.assemble("Be brief.", List.of(QUESTION, CALL, RESULT, ANSWER),
				10_000, 100);

		assertThat(prompt).containsExactly(PromptMessage.system("Be brief."), PromptMessage.user("weather in Oslo?"),
				PromptMessage.assistant("", List.of(new ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}"))),
				PromptMessage.tool("call_1", "{\"celsius\": 3}"), PromptMessage.assistant("3 degrees."));
	}

	@Test
	void aToolResultWhoseCallWasTrimmedAwayIsDroppedToo() {
		HistoryMessage longCall = new HistoryMessage(MessageRole.ASSISTANT, "x".repeat(400),
				List.of(new ToolCallRecord("call_1", "weather", "{}")), null);
		int window = 100 + PromptAssembler.estimate("{\"celsius\": 3}") + PromptAssembler.estimate("3 degrees.") + 2;

		List<PromptMessage> prompt = PromptAssembler.assemble(null, List.of(QUESTION, longCall, RESULT, ANSWER), window,
				100);

		assertThat(prompt).containsExactly(PromptMessage.assistant("3 degrees."));
	}
}
