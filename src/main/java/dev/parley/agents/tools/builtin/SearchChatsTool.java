package dev.parley.agents.tools.builtin;

import java.util.List;
import java.util.Locale;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;
import dev.parley.conversations.Chats;
import dev.parley.conversations.MessageMatch;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code search_chats}: full-text search over the calling user's own chats (message text and
 * titles), through {@link Chats#search}, which sees only that user's chats.
 */
final class SearchChatsTool implements Tool {

	static final String NAME = "search_chats";

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 50;

	private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
			"Searches the user's own earlier chats (message text and chat titles) and answers with the best "
					+ "matches: chat, message, who wrote it, when, and a snippet with the matching words in «guillemets». "
					+ "Web-search syntax: \"exact phrase\", or, -excluded.",
			"""
					{"type": "object",
					 "properties": {
					   "query": {"type": "string", "minLength": 1, "maxLength": 500, "description": "The words to find"},
					   "limit": {"type": "integer", "minimum": 1, "maximum": %d, "description": "The most matches (default %d)"}
					 },
					 "required": ["query"],
					 "additionalProperties": false}""".formatted(MAX_LIMIT, DEFAULT_LIMIT));

	private final Chats chats;

	SearchChatsTool(Chats chats) {
		this.chats = chats;
	}

	@Override
	public ToolDefinition definition() {
		return DEFINITION;
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		String query = invocation.arguments().get("query").asString();
		int limit = invocation.arguments().path("limit").asInt(DEFAULT_LIMIT);
		List<MessageMatch> found = chats.search(invocation.userId(), query, Math.min(limit, MAX_LIMIT));
		ObjectNode answer = ToolJson.object().put("query", query).put("count", found.size());
		ArrayNode matches = answer.putArray("matches");
		for (MessageMatch match : found) {
			matches.addObject()
				.put("chat_id", match.chatId().toString())
				.put("chat_title", match.chatTitle())
				.put("message_id", match.messageId() == null ? null : match.messageId().toString())
				.put("role", match.role() == null ? "title" : match.role().name().toLowerCase(Locale.ROOT))
				.put("created_at", match.createdAt().toString())
				.put("snippet", match.snippet());
		}
		return ToolResult.ok(ToolJson.text(answer));
	}
}
