package dev.parley.realtime;

import dev.parley.conversations.MessageView;

/**
 * A reply began (or, paused, went on) on this node: its live event log is open. Published
 * synchronously by {@link LiveReplies}, on the thread that opened it, so that whoever relays replies
 * to other readers (the WebSocket fan-out) follows it from its first event.
 *
 * @param reply the live reply
 * @param message the reply's message as it was when it was opened
 * @param created whether it is a new reply (a turn's draft), not one going on after a pause
 * @param after the number of the last event it had before (0 for a new reply): its new events follow
 */
public record ReplyStarted(LiveReply reply, MessageView message, boolean created, long after) {
}
