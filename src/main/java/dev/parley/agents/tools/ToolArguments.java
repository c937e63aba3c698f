package dev.parley.agents.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.parley.ai.ToolDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a tool call's arguments, as the model wrote them, against the tool's JSON Schema before
 * the tool runs: the outcome is the parsed arguments or every reason they are wrong, in lines the
 * model can act on ({@link Invalid#result()} is the call's result). Nothing here throws on bad
 * input, neither on malformed JSON nor on a tool whose own schema is broken.
 * <p>
 * Also checks that a schema is a usable object schema ({@link #schemaProblems}), for tools that
 * come from outside (MCP servers, agents' definitions) before they are registered.
 * <p>
 * Schemas without {@code $schema} are read as JSON Schema 2020-12; draft 4, 6, 7 and 2019-09 are
 * read when they declare so. References resolve only inside the schema and to the standard
 * meta-schemas the library ships: nothing is ever fetched, so a schema cannot make the server call
 * a URL.
 */
public final class ToolArguments {

	/** The longest arguments text read, in characters. */
	public static final int MAX_CHARS = 100_000;

	/** The longest schema text accepted, in characters. */
	public static final int MAX_SCHEMA_CHARS = 64_000;

	private static final int MAX_ERRORS = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The library's default loader: classpath meta-schemas only, remote fetching off. */
	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final Cache<String, Schema> COMPILED = Caffeine.newBuilder().maximumSize(1_000).build();

	private ToolArguments() {
	}

	/** What checking the arguments found. */
	public sealed interface Checked permits Valid, Invalid {
	}

	/** @param arguments the parsed arguments, a JSON object the schema allows */
	public record Valid(JsonNode arguments) implements Checked {
	}

	/** @param errors what is wrong, one readable line each */
	public record Invalid(List<String> errors) implements Checked {

		public Invalid {
			errors = List.copyOf(errors);
		}

		/** The call's result for the model: the errors, so it can call again with better arguments. */
		public ToolResult result() {
			return ToolResult.failed("the arguments do not fit the tool's schema:\n- " + String.join("\n- ", errors));
		}
	}

	/**
	 * Parses and checks the arguments text a model wrote for a call of this tool. Blank text means
	 * no arguments, an empty object.
	 */
	public static Checked check(ToolDefinition tool, @Nullable String argumentsText) {
		String text = argumentsText == null ? "" : argumentsText.strip();
		if (text.length() > MAX_CHARS) {
			return new Invalid(List.of("the arguments are too long (more than " + MAX_CHARS + " characters)"));
		}
		JsonNode arguments;
		if (text.isEmpty()) {
			arguments = JsonNodeFactory.instance.objectNode();
		}
		else {
			Optional<JsonNode> parsed = parse(text);
			if (parsed.isEmpty() || !parsed.get().isObject()) {
				return new Invalid(List.of("the arguments must be one JSON object, such as {\"name\": \"value\"}"));
			}
			arguments = parsed.get();
		}
		Schema schema;
		try {
			schema = compiled(tool.parametersSchema());
		}
		catch (RuntimeException ex) {
			return new Invalid(List.of("the tool's own argument schema is not usable, so it cannot be called"));
		}
		List<String> errors;
		try {
			errors = readable(schema.validate(arguments));
		}
		catch (RuntimeException ex) {
			// An unresolvable reference, met only when the arguments lead the validator to it.
			return new Invalid(List.of("the tool's own argument schema is not usable, so it cannot be called"));
		}
		return errors.isEmpty() ? new Valid(arguments) : new Invalid(errors);
	}

	/**
	 * What makes this text unusable as a tool's argument schema: not JSON, not an object schema
	 * ({@code "type": "object"}), not valid against its dialect's meta-schema, or with references
	 * that do not resolve inside it. Empty when it is usable.
	 */
	public static List<String> schemaProblems(String schemaText) {
		if (schemaText.length() > MAX_SCHEMA_CHARS) {
			return List.of("the schema is too long (more than " + MAX_SCHEMA_CHARS + " characters)");
		}
		Optional<JsonNode> parsed = parse(schemaText);
		if (parsed.isEmpty() || !parsed.get().isObject()) {
			return List.of("the schema must be a JSON object");
		}
		JsonNode schema = parsed.get();
		List<String> problems = new ArrayList<>();
		JsonNode type = schema.get("type");
		if (type == null || !type.isString() || !type.asString().equals("object")) {
			problems.add("the schema must have \"type\": \"object\" (a tool takes named arguments)");
		}
		JsonNode dialect = schema.get("$schema");
		String dialectId = dialect == null ? SpecificationVersion.DRAFT_2020_12.getDialectId() : dialect.asString("");
		Optional<SpecificationVersion> version = SpecificationVersion.fromDialectId(dialectId);
		if (version.isEmpty()) {
			problems.add("$schema names a dialect this server does not know: " + dialectId
					+ " (draft 4, 6, 7, 2019-09 and 2020-12 are known)");
			return problems;
		}
		try {
			Schema meta = REGISTRY.getSchema(SchemaLocation.of(version.get().getDialectId()));
			problems.addAll(readable(meta.validate(schema)));
		}
		catch (RuntimeException ex) {
			problems.add("the schema cannot be checked against its dialect");
		}
		if (problems.isEmpty()) {
			try {
				Schema compiled = REGISTRY.getSchema(schema);
				compiled.initializeValidators();
			}
			catch (RuntimeException ex) {
				problems.add("the schema has a reference that does not resolve inside it");
			}
		}
		return List.copyOf(problems);
	}

	private static Schema compiled(String schemaText) {
		return COMPILED.get(schemaText, text -> {
			Schema schema = REGISTRY.getSchema(parse(text).orElseThrow(() -> new IllegalArgumentException("not JSON")));
			schema.initializeValidators();
			return schema;
		});
	}

	private static Optional<JsonNode> parse(String text) {
		try {
			return Optional.of(JSON.readTree(text)).filter(node -> !node.isMissingNode());
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static List<String> readable(List<Error> errors) {
		List<String> lines = new ArrayList<>();
		for (Error error : errors) {
			if (lines.size() == MAX_ERRORS) {
				lines.add("… and " + (errors.size() - MAX_ERRORS) + " more");
				break;
			}
			String at = error.getInstanceLocation().toString();
			// "/days/0" is the argument days, item 0: named as the model wrote it, not as a pointer.
			String where = at.isEmpty() || at.equals("/") || at.equals("$") ? ""
					: at.replaceFirst("^[$/.]+", "").replace('/', '.') + ": ";
			lines.add(where + error.getMessage());
		}
		return lines;
	}
}
