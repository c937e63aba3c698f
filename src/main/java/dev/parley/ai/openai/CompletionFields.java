package dev.parley.ai.openai;

import dev.parley.ai.TokenUsage;
import dev.parley.ai.provider.OpenAiUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * What Parley reads in an upstream's {@code chat.completion} or {@code chat.completion.chunk},
 * found by a streaming parser over its bytes, skipping all else: where the top-level {@code model}
 * value is (to rename it), the {@code usage} (to meter it), the first finish reason, whether the
 * model said something (text or a tool call: the time to first token), and whether it is a
 * usage-only chunk (no choices). Offsets are relative to the start of the scanned range.
 */
final class CompletionFields {

	int modelStart = -1;

	int modelEnd = -1;

	@Nullable TokenUsage usage;

	/** {@code "usage": null} (which a stream asked for usage carries on each chunk): name start to value end. */
	int nullUsageStart = -1;

	int nullUsageEnd = -1;

	@Nullable String finishReason;

	boolean spoke;

	boolean noChoices;

	boolean error;

	private CompletionFields() {
	}

	/**
	 * Scans {@code length} bytes of {@code data} from {@code offset}; {@code null} when they are
	 * not a JSON object (passed on untouched then).
	 * @param lookForWords whether to find out if the model said something (only until it first did)
	 */
	static @Nullable CompletionFields scan(byte[] data, int offset, int length, boolean lookForWords) {
		CompletionFields fields = new CompletionFields();
		try (JsonParser parser = ChatRequestFields.JSON.createParser(ObjectReadContext.empty(), data, offset, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				int nameStart = (int) parser.currentTokenLocation().getByteOffset();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "model" -> {
						if (value == JsonToken.VALUE_STRING) {
							fields.modelStart = (int) parser.currentTokenLocation().getByteOffset();
							parser.getString();
							fields.modelEnd = (int) parser.currentLocation().getByteOffset();
						}
						else {
							parser.skipChildren();
						}
					}
					case "usage" -> {
						if (value == JsonToken.START_OBJECT) {
							fields.usage = OpenAiUsage.read(parser);
						}
						else if (value == JsonToken.VALUE_NULL) {
							fields.nullUsageStart = nameStart;
							fields.nullUsageEnd = (int) parser.currentLocation().getByteOffset();
						}
						else {
							parser.skipChildren();
						}
					}
					case "choices" -> {
						if (value == JsonToken.START_ARRAY) {
							fields.choices(parser, lookForWords);
						}
						else {
							parser.skipChildren();
						}
					}
					case "error" -> {
						fields.error = value != JsonToken.VALUE_NULL;
						parser.skipChildren();
					}
					default -> parser.skipChildren();
				}
			}
			return fields;
		}
		catch (JacksonException | ArithmeticException ex) {
			return null;
		}
	}

	private void choices(JsonParser parser, boolean lookForWords) {
		noChoices = true;
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			noChoices = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("finish_reason".equals(name) && value == JsonToken.VALUE_STRING) {
					if (finishReason == null) {
						finishReason = parser.getString();
					}
				}
				else if (lookForWords && !spoke && value == JsonToken.START_OBJECT
						&& ("delta".equals(name) || "message".equals(name))) {
					said(parser);
				}
				else {
					parser.skipChildren();
				}
			}
		}
	}

	/** Reads a delta or message: has it text, a refusal or a tool call? */
	private void said(JsonParser parser) {
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_STRING && ("content".equals(name) || "refusal".equals(name))) {
				spoke |= parser.getStringLength() > 0;
			}
			else if (value == JsonToken.START_ARRAY && "tool_calls".equals(name)) {
				spoke = true;
				parser.skipChildren();
			}
			else {
				parser.skipChildren();
			}
		}
	}
}
