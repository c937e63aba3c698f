package dev.parley.agents.tools.builtin;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolSource;
import dev.parley.conversations.Chats;
import dev.parley.feedback.FeedbackRequests;
import dev.parley.platform.outbound.OutboundAddressGuard;
import org.springframework.stereotype.Component;

/**
 * The tools Parley brings along, the same for every user: {@code current_time}, {@code calculator},
 * {@code search_chats} (the caller's own chats), {@code http_fetch} (through the outbound
 * address guard) and {@code ask_human} (a question to the user, which pauses the run until answered).
 */
@Component
class BuiltinTools implements ToolSource {

	private final List<Tool> tools;

	BuiltinTools(Clock clock, Chats chats, OutboundAddressGuard guard, FeedbackRequests feedback) {
		this.tools = List.of(new CurrentTimeTool(clock), new CalculatorTool(), new SearchChatsTool(chats),
				new HttpFetchTool(guard, clock, HttpFetchTool.Limits.DEFAULT), new AskHumanTool(feedback));
	}

	@Override
	public List<Tool> toolsFor(UUID userId) {
		return tools;
	}
}
