package dev.parley.ai.provider;

import dev.parley.ai.TokenUsage;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reads the {@code usage} object of OpenAI's chat-completions wire format from a streaming parser. */
public final class OpenAiUsage {

	private OpenAiUsage() {
	}

	/**
	 * The prompt and completion tokens of the object the parser has just entered (its
	 * {@code START_OBJECT} read), leaving the parser at its end; a count it lacks is 0.
	 */
	public static TokenUsage read(JsonParser parser) {
		int prompt = 0;
		int completion = 0;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_NUMBER_INT && "prompt_tokens".equals(name)) {
				prompt = parser.getIntValue();
			}
			else if (value == JsonToken.VALUE_NUMBER_INT && "completion_tokens".equals(name)) {
				completion = parser.getIntValue();
			}
			else {
				parser.skipChildren();
			}
		}
		return new TokenUsage(prompt, completion);
	}
}
