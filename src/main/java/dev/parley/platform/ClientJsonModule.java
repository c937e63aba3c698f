package dev.parley.platform;

import java.time.Instant;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How JSON from a client is read, whatever the type it is read into: strings are strings (a number
 * or a boolean is not turned into one) and hold only {@link StorableText storable text}; free JSON
 * ({@link JsonNode}, and so {@link JsonDocument}) holds only storable text in its keys and values;
 * times lie in the {@link TimeRange}. A refused value fails with {@link InvalidJsonValue} naming its
 * JSON path.
 */
final class ClientJsonModule extends SimpleModule {

	ClientJsonModule() {
		super("parley-client-json");
		addDeserializer(String.class, new StorableStrings());
		addDeserializer(JsonNode.class, new StorableTrees());
		addDeserializer(Instant.class, new InstantsInRange());
	}

	static final class StorableStrings extends StdScalarDeserializer<String> {

		StorableStrings() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (String) context.handleUnexpectedToken(String.class, parser);
			}
			String text = parser.getString();
			if (!StorableText.storable(text)) {
				throw new InvalidJsonValue(parser, JsonPaths.ofCurrentValue(parser), StorableText.MESSAGE, String.class);
			}
			return text;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}
	}

	static final class StorableTrees extends StdDeserializer<JsonNode> {

		@SuppressWarnings("unchecked")
		private final ValueDeserializer<JsonNode> standard = (ValueDeserializer<JsonNode>) JsonNodeDeserializer
			.getDeserializer(JsonNode.class);

		StorableTrees() {
			super(JsonNode.class);
		}

		@Override
		public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
			String path = JsonPaths.ofCurrentValue(parser);
			JsonNode tree = standard.deserialize(parser, context);
			check(parser, path, tree);
			return tree;
		}

		@Override
		public JsonNode getNullValue(DeserializationContext context) {
			return (JsonNode) standard.getNullValue(context);
		}

		@Override
		public Object getAbsentValue(DeserializationContext context) {
			return standard.getAbsentValue(context);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Untyped;
		}

		private static void check(JsonParser parser, String path, JsonNode node) {
			if (node.isString() && !StorableText.storable(node.stringValue())) {
				throw new InvalidJsonValue(parser, path, StorableText.MESSAGE, JsonNode.class);
			}
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					if (!StorableText.storable(property.getKey())) {
						throw new InvalidJsonValue(parser, path, StorableText.KEY_MESSAGE, JsonNode.class);
					}
					check(parser, JsonPaths.key(path, property.getKey()), property.getValue());
				}
			}
			if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					check(parser, JsonPaths.index(path, i), node.get(i));
				}
			}
		}
	}

	static final class InstantsInRange extends StdScalarDeserializer<Instant> {

		InstantsInRange() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
			if (instant != null && !TimeRange.contains(instant)) {
				throw new InvalidJsonValue(parser, JsonPaths.ofCurrentValue(parser), TimeRange.MESSAGE, Instant.class);
			}
			return instant;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.DateTime;
		}
	}
}
