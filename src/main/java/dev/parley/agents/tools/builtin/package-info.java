/**
 * The built-in tools, one {@link dev.parley.agents.tools.ToolSource}: {@code current_time},
 * {@code calculator}, {@code search_chats}, {@code http_fetch} and {@code ask_human}. Each runs as the calling user,
 * answers JSON or a number, and fails with a reason safe to show rather than throwing.
 */
@NullMarked
package dev.parley.agents.tools.builtin;

import org.jspecify.annotations.NullMarked;
