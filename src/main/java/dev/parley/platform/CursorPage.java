package dev.parley.platform;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: the items and the cursor of the next page, or {@code null} on the last one.
 * Serialised as {@code {"items": [...], "next_cursor": "..."}}.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

	/**
	 * Builds a page from a query that fetched one row more than {@code limit}: that extra row only
	 * tells that a next page exists.
	 */
	public static <T> CursorPage<T> of(List<T> rowsPlusOne, int limit, Function<T, String> cursorOf) {
		if (rowsPlusOne.size() <= limit) {
			return new CursorPage<>(List.copyOf(rowsPlusOne), null);
		}
		List<T> items = List.copyOf(rowsPlusOne.subList(0, limit));
		return new CursorPage<>(items, cursorOf.apply(items.getLast()));
	}

	public <R> CursorPage<R> map(Function<T, R> mapper) {
		return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
	}
}
