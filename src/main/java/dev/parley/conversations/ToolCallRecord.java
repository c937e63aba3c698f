package dev.parley.conversations;

/**
 * A tool call an assistant message made, as the history keeps it: the provider's call id, the
 * tool's name and the arguments as the model wrote them (JSON text).
 */
public record ToolCallRecord(String id, String name, String arguments) {
}
