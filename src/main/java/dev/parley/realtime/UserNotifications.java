package dev.parley.realtime;

import java.util.UUID;

/**
 * Pushes a frame to every live WebSocket session of a user, on whichever node it is connected
 * (through Redis when it is configured, in-process otherwise). A user with no live session gets
 * nothing: callers that need delivery keep their own durable record (a feedback request does).
 *
 * @see <code>README.md, "WebSocket"</code>
 */
public interface UserNotifications {

	/**
	 * Sends {@code {"type": type, ...payload}} to the user's sessions.
	 * @param payload serialised with the server's JSON settings (snake_case)
	 */
	void notify(UUID userId, String type, Object payload);
}
