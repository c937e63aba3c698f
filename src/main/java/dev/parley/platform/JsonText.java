package dev.parley.platform;

/**
 * A JSON value kept as its text, stored in a {@code jsonb} column as it is: for documents a module
 * writes and reads itself (a message's tool calls, a reply's event index), where mapping to and from
 * objects is the module's own business. Never client input as such: modules build it.
 *
 * @param json the JSON text, well-formed
 */
public record JsonText(String json) {
}
