/**
 * Replies as they happen: the event log of every reply (events numbered from 1: deltas, tool calls,
 * tool results, approval requests, then done or error), the live buffer of the replies generated on
 * this node, the Server-Sent Events writers that read it, resume by {@code Last-Event-ID} on any node
 * (from the buffer here, from the reply's saved event index elsewhere), cancelling, and the sweeper of
 * replies abandoned by a stopped process; and the WebSocket {@code /ws} ({@code websocket/}): live
 * sessions, chat subscriptions resumable by event number, fan-out across nodes (Redis when
 * configured). Other modules use {@link dev.parley.realtime.LiveReplies},
 * {@link dev.parley.realtime.ReplyStreams} and {@link dev.parley.realtime.UserNotifications}, and
 * provide the ports its socket commands need: {@link dev.parley.realtime.ChatCommands} (agents) and
 * {@link dev.parley.realtime.FeedbackAnswers} (feedback).
 */
@ApplicationModule(displayName = "Realtime",
		allowedDependencies = { "ai", "conversations", "identity", "platform", "platform :: limits", "platform :: streams" })
@NullMarked
package dev.parley.realtime;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
