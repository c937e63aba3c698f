/**
 * The WebSocket {@code /ws}: authentication before the upgrade (bearer or single-use ticket), live
 * sessions counted on all nodes, JSON frames, chat subscriptions resumable by event number, and the
 * fan-out that brings every chat's events to its sockets on every node.
 */
@NullMarked
package dev.parley.realtime.websocket;

import org.jspecify.annotations.NullMarked;
