package dev.parley.ai.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The few fields of a chat completion request that Parley reads or changes before passing it
 * through, found in the client's bytes by a streaming parser that skips everything else (the
 * messages are never decoded): {@code model}, {@code stream}, {@code stream_options.include_usage},
 * {@code max_tokens} and {@code max_completion_tokens}. {@link #forUpstream} splices the changes
 * into a copy of those bytes, so every other byte reaches the server as the client sent it.
 */
final class ChatRequestFields {

	static final JsonFactory JSON = JsonFactory.builder().build();

	private final byte[] body;

	private final List<Edit> edits = new ArrayList<>();

	private @Nullable String model;

	private @Nullable Span modelValue;

	private boolean streamed;

	private int objectStart;

	private int objectEnd;

	private boolean empty = true;

	private @Nullable Span streamOptions;

	private boolean streamOptionsObject;

	private boolean streamOptionsEmpty = true;

	private @Nullable Span includeUsage;

	private boolean usageAsked;

	private final List<Limit> limits = new ArrayList<>(2);

	private ChatRequestFields(byte[] body) {
		this.body = body;
	}

	/**
	 * The fields of this body.
	 * @throws InvalidFields when it is not one JSON object, or its model is not a string
	 */
	static ChatRequestFields scan(byte[] body) {
		ChatRequestFields fields = new ChatRequestFields(body);
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			fields.read(parser);
		}
		catch (JacksonException ex) {
			throw notJson();
		}
		return fields;
	}

	/** The model as the client named it, or {@code null} when it named none. */
	@Nullable String model() {
		return model;
	}

	boolean streamed() {
		return streamed;
	}

	/** Whether the client asked for the usage chunk of a stream itself. */
	boolean usageAsked() {
		return usageAsked;
	}

	/**
	 * The body to send upstream: the client's, with the model renamed to the server's name of it,
	 * {@code stream_options.include_usage} set when streamed (Parley meters the usage), and token
	 * limits above {@code cap} lowered to it. Nothing else is added.
	 */
	byte[] forUpstream(String upstreamModel, int cap) {
		edits.clear();
		String quoted = quote(upstreamModel);
		if (modelValue != null) {
			edits.add(new Edit(modelValue.start(), modelValue.end(), quoted));
		}
		else {
			edits.add(new Edit(objectStart + 1, objectStart + 1, "\"model\":" + quoted + (empty ? "" : ",")));
		}
		if (streamed && !usageAsked) {
			if (streamOptions == null) {
				edits.add(new Edit(objectEnd, objectEnd, ",\"stream_options\":{\"include_usage\":true}"));
			}
			else if (!streamOptionsObject) {
				edits.add(new Edit(streamOptions.start(), streamOptions.end(), "{\"include_usage\":true}"));
			}
			else if (includeUsage != null) {
				edits.add(new Edit(includeUsage.start(), includeUsage.end(), "true"));
			}
			else {
				int at = streamOptions.start() + 1;
				edits.add(new Edit(at, at, "\"include_usage\":true" + (streamOptionsEmpty ? "" : ",")));
			}
		}
		for (Limit limit : limits) {
			if (limit.value() > cap) {
				edits.add(new Edit(limit.span().start(), limit.span().end(), Integer.toString(cap)));
			}
		}
		return splice();
	}

	private void read(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw notJson();
		}
		objectStart = start(parser);
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			empty = false;
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			int start = start(parser);
			switch (name) {
				case "model" -> {
					if (value == JsonToken.VALUE_STRING) {
						model = parser.getString();
						modelValue = new Span(start, end(parser));
					}
					else if (value == JsonToken.VALUE_NULL) {
						modelValue = new Span(start, end(parser));
					}
					else {
						throw new InvalidChatRequest("model", "must be a string");
					}
				}
				case "stream" -> streamed = value == JsonToken.VALUE_TRUE;
				case "stream_options" -> readStreamOptions(parser, value, start);
				case "max_tokens", "max_completion_tokens" -> {
					if (value == JsonToken.VALUE_NUMBER_INT) {
						long limit = parser.getLongValue();
						limits.add(new Limit(new Span(start, end(parser)), limit));
					}
					else {
						parser.skipChildren();
					}
				}
				default -> parser.skipChildren();
			}
		}
		if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
			throw notJson();
		}
		objectEnd = start(parser.currentTokenLocation().getByteOffset());
	}

	private void readStreamOptions(JsonParser parser, JsonToken value, int start) {
		if (value != JsonToken.START_OBJECT) {
			parser.skipChildren();
			streamOptions = new Span(start, end(parser));
			return;
		}
		streamOptionsObject = true;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			streamOptionsEmpty = false;
			String name = parser.currentName();
			JsonToken option = parser.nextToken();
			if ("include_usage".equals(name)) {
				includeUsage = new Span(start(parser), end(parser));
				usageAsked = option == JsonToken.VALUE_TRUE;
			}
			parser.skipChildren();
		}
		streamOptions = new Span(start, end(parser));
	}

	private byte[] splice() {
		edits.sort(Comparator.comparingInt(Edit::start));
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
		int at = 0;
		for (Edit edit : edits) {
			out.write(body, at, edit.start() - at);
			out.writeBytes(edit.text().getBytes(StandardCharsets.UTF_8));
			at = edit.end();
		}
		out.write(body, at, body.length - at);
		return out.toByteArray();
	}

	private static int start(JsonParser parser) {
		return start(parser.currentTokenLocation().getByteOffset());
	}

	private static int start(long offset) {
		return Math.toIntExact(offset);
	}

	/** Where the current value ends; a string is read to its end first (the parser reads it lazily). */
	private static int end(JsonParser parser) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			parser.getString();
		}
		return Math.toIntExact(parser.currentLocation().getByteOffset());
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private static InvalidFields notJson() {
		return new NotJson();
	}

	/** Bytes from {@code start} (inclusive) to {@code end} (exclusive). */
	record Span(int start, int end) {
	}

	private record Edit(int start, int end, String text) {
	}

	private record Limit(Span span, long value) {
	}

	private static final class NotJson extends InvalidFields {

		NotJson() {
			super("The request body is missing or is not valid JSON of the expected shape.", Map.of());
		}
	}
}
