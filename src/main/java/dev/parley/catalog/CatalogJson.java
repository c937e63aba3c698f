package dev.parley.catalog;

import java.util.List;

import dev.parley.platform.InvalidFields;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the catalogue's request bodies and import lines as JSON objects, with the platform's checks
 * of client JSON (storable text) and every number kept as the exact decimal it was written as, so an
 * amount never passes through a binary float.
 */
@Component
class CatalogJson {

	private final ObjectReader reader;

	CatalogJson(JsonMapper json) {
		this.reader = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/** The JSON object in this text; anything else fails naming the field at fault ({@code body} for the whole). */
	JsonNode object(String text) {
		JsonNode node;
		try {
			node = reader.readValue(text);
		}
		catch (DatabindException ex) {
			throw new InvalidFields(java.util.Map.of(path(ex.getPath()), reason(ex)));
		}
		catch (JacksonException ex) {
			throw new InvalidFields(java.util.Map.of("body", "is not valid JSON"));
		}
		if (node == null || !node.isObject()) {
			throw new InvalidFields(java.util.Map.of("body", "must be a JSON object"));
		}
		return node;
	}

	private static String reason(DatabindException ex) {
		String message = ex.getOriginalMessage();
		String field = path(ex.getPath());
		// The platform's refusals read "<field> <reason>"; others are Jackson's own words.
		return message != null && message.startsWith(field + " ") ? message.substring(field.length() + 1)
				: "has an invalid value";
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}
}
