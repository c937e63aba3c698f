/**
 * Streams of numbered events and their Server-Sent Events writers, one concurrency style for every
 * stream the server sends: whoever produces events appends them to an {@link
 * dev.parley.platform.streams.EventBuffer} (never blocking on a client), and each client has one
 * writer that waits for the events after the last it sent and writes them ({@link
 * dev.parley.platform.streams.SseEventWriter}, on a virtual thread of its own), so a slow client only
 * delays itself.
 */
@NamedInterface("streams")
@NullMarked
package dev.parley.platform.streams;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
