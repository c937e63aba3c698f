package dev.parley.conversations;

import org.jspecify.annotations.Nullable;

/**
 * Which of a user's chats a list shows.
 *
 * @param archived archived chats, or the others (the default)
 * @param bookmarked only bookmarked ones, only the others, or {@code null} for both
 * @param query words to find in a chat's title or in any of its messages (web-search syntax:
 * {@code "exact phrase"}, {@code or}, {@code -excluded}); {@code null} or blank for all chats
 * @param projectId only the chats in this project, or {@code null} for chats in any project or none
 */
public record ChatFilter(boolean archived, @Nullable Boolean bookmarked, @Nullable String query,
		java.util.@Nullable UUID projectId) {

	public ChatFilter(boolean archived, @Nullable Boolean bookmarked, @Nullable String query) {
		this(archived, bookmarked, query, null);
	}

	/** The chats a user sees first: not archived, bookmarked or not, no search. */
	public static ChatFilter active() {
		return new ChatFilter(false, null, null);
	}

	boolean searches() {
		return query != null && !query.isBlank();
	}
}
