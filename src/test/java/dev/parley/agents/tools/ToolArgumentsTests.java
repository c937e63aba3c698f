package dev.parley.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.parley.ai.ToolDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model's arguments are checked against the tool's schema before the tool runs; what is wrong
 * goes back to the model as readable lines, never as an exception.
 */
class ToolArgumentsTests {

	private static final ToolDefinition WEATHER = new ToolDefinition("weather", "The weather in a city", """
			{"type": "object",
			 "properties": {
			   "city": {"type": "string", "minLength": 1},
			   "days": {"type": "integer", "minimum": 1, "maximum": 7},
			   "unit": {"enum": ["celsius", "fahrenheit"]}
			 },
			 "required": ["city"],
			 "additionalProperties": false}""");

	@Test
	void acceptsArgumentsTheSchemaAllows() {
		ToolArguments.Checked checked = ToolArguments.check(WEATHER, "{\"city\": \"Oslo\", \"days\": 3}");

		assertThat(checked).isInstanceOfSatisfying(ToolArguments.Valid.class, valid -> {
			assertThat(valid.arguments().get("city").asString()).isEqualTo("Oslo");
			assertThat(valid.arguments().get("days").asInt()).isEqualTo(3);
		});
	}

	@Test
	void namesEveryArgumentThatBreaksTheSchema() {
		ToolArguments.Checked checked = ToolArguments.check(WEATHER,
				"{\"days\": 12, \"unit\": \"kelvin\", \"colour\": \"red\"}");

		assertThat(checked).isInstanceOfSatisfying(ToolArguments.Invalid.class, invalid -> {
			assertThat(invalid.errors()).hasSize(4);
			assertThat(invalid.errors()).anySatisfy(error -> assertThat(error).contains("city"));
			assertThat(invalid.errors()).anySatisfy(error -> assertThat(error).contains("days").contains("7"));
			assertThat(invalid.errors()).anySatisfy(error -> assertThat(error).contains("unit"));
			assertThat(invalid.errors()).anySatisfy(error -> assertThat(error).contains("colour"));
			ToolResult result = invalid.result();
			assertThat(result.ok()).isFalse();
			assertThat(result.content()).contains("city", "days", "unit", "colour");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"city\": \"Oslo\"", "city=Oslo", "[\"Oslo\"]", "\"Oslo\"", "null", "{} {}" })
	void refusesWhatIsNotOneJsonObject(String text) {
		ToolArguments.Checked checked = ToolArguments.check(WEATHER, text);

		assertThat(checked).isInstanceOfSatisfying(ToolArguments.Invalid.class,
				invalid -> assertThat(invalid.errors()).singleElement()
					.asString()
					.containsIgnoringCase("JSON object"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void readsNoArgumentsAsAnEmptyObject(String text) {
		ToolDefinition clock = new ToolDefinition("clock", "The time", "{\"type\": \"object\", \"properties\": {}}");

		assertThat(ToolArguments.check(clock, text)).isInstanceOfSatisfying(ToolArguments.Valid.class,
				valid -> assertThat(valid.arguments().isObject() && valid.arguments().isEmpty()).isTrue());
		assertThat(ToolArguments.check(WEATHER, text)).isInstanceOf(ToolArguments.Invalid.class);
	}

	@Test
	void refusesArgumentsPastTheLengthCap() {
		String text = "{\"city\": \"" + "x".repeat(ToolArguments.MAX_CHARS) + "\"}";

		assertThat(ToolArguments.check(WEATHER, text)).isInstanceOfSatisfying(ToolArguments.Invalid.class,
				invalid -> assertThat(invalid.errors()).singleElement().asString().contains("too long"));
	}

	@Test
	void aToolWithABrokenSchemaFailsItsCallsWithoutThrowing() {
		ToolDefinition broken = new ToolDefinition("broken", "Broken", "{\"type\": \"object\", \"properties\": 3");

		assertThat(ToolArguments.check(broken, "{}")).isInstanceOfSatisfying(ToolArguments.Invalid.class,
				invalid -> assertThat(invalid.errors()).singleElement().asString().contains("schema"));
	}

	@Test
	void acceptsObjectSchemasOfTheCommonDialects() {
		assertThat(ToolArguments.schemaProblems(WEATHER.parametersSchema())).isEmpty();
		assertThat(ToolArguments.schemaProblems("""
				{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
				 "properties": {"q": {"type": "string"}}, "required": ["q"]}""")).isEmpty();
		assertThat(ToolArguments.schemaProblems("""
				{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				 "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}},
				 "$defs": {"item": {"type": "string"}}}""")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[]", "{\"type\": \"string\"}", "{\"properties\": {}}",
			"{\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"text\"}}}",
			"{\"type\": \"object\", \"required\": \"q\"}", "{\"type\": \"object\", \"minProperties\": -1}",
			"{\"$schema\": \"https://example.com/my-dialect\", \"type\": \"object\"}" })
	void refusesWhatIsNotAnObjectSchema(String schema) {
		assertThat(ToolArguments.schemaProblems(schema)).isNotEmpty();
	}

	@Test
	void neverFetchesARemoteReference() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		HttpServer canary = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		canary.createContext("/", exchange -> {
			requests.incrementAndGet();
			byte[] body = "{\"type\": \"string\"}".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		canary.start();
		try {
			String schema = """
					{"type": "object", "properties": {"q": {"$ref": "http://127.0.0.1:%d/schema.json"}}}"""
				.formatted(canary.getAddress().getPort());
			ToolDefinition remote = new ToolDefinition("remote", "Remote", schema);

			assertThat(ToolArguments.schemaProblems(schema)).isNotEmpty();
			ToolArguments.Checked checked = ToolArguments.check(remote, "{\"q\": \"x\"}");

			assertThat(checked).isInstanceOf(ToolArguments.Invalid.class);
			assertThat(requests).hasValue(0);
		}
		finally {
			canary.stop(0);
		}
	}
}
