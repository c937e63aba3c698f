package dev.parley.ai;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One turn of a prompt.
 *
 * @param role who speaks
 * @param content the text; for a {@link Role#TOOL} message, the tool's result
 * @param toolCalls on an {@link Role#ASSISTANT} message, the tools the model called; else empty
 * @param toolCallId on a {@link Role#TOOL} message, the call it answers; else {@code null}
 * @param images on a {@link Role#USER} message, the images that go with its text, in order; else empty
 */
public record PromptMessage(Role role, String content, List<ToolCall> toolCalls, @Nullable String toolCallId,
		List<PromptImage> images) {

	public enum Role {

		SYSTEM, USER, ASSISTANT, TOOL

	}

	public PromptMessage {
		content = content == null ? "" : content;
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
		images = images == null ? List.of() : List.copyOf(images);
	}

	public PromptMessage(Role role, String content, List<ToolCall> toolCalls, @Nullable String toolCallId) {
		this(role, content, toolCalls, toolCallId, List.of());
	}

	public PromptMessage(Role role, String content) {
		this(role, content, List.of(), null);
	}

	public static PromptMessage system(String content) {
		return new PromptMessage(Role.SYSTEM, content);
	}

	public static PromptMessage user(String content) {
		return new PromptMessage(Role.USER, content);
	}

	/** A user's message with images. */
	public static PromptMessage user(String content, List<PromptImage> images) {
		return new PromptMessage(Role.USER, content, List.of(), null, images);
	}

	public static PromptMessage assistant(String content) {
		return new PromptMessage(Role.ASSISTANT, content);
	}

	/** An assistant turn that called tools (its text may be empty). */
	public static PromptMessage assistant(String content, List<ToolCall> toolCalls) {
		return new PromptMessage(Role.ASSISTANT, content, toolCalls, null);
	}

	/** A tool's result, answering the call with this id. */
	public static PromptMessage tool(String toolCallId, String result) {
		return new PromptMessage(Role.TOOL, result, List.of(), toolCallId);
	}
}
