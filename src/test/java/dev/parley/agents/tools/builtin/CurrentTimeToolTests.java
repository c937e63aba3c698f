package dev.parley.agents.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.Toolbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** current_time reads the server's clock in the zone the model asks for. */
class CurrentTimeToolTests {

	private static final Instant NOW = Instant.parse("2026-07-01T10:15:30Z");

	private final CurrentTimeTool tool = new CurrentTimeTool(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void answersInTheZoneAskedFor() {
		JsonNode answer = answer("{\"timezone\": \"Europe/Oslo\"}");

		assertThat(answer.get("time").asString()).isEqualTo("2026-07-01T12:15:30+02:00");
		assertThat(answer.get("timezone").asString()).isEqualTo("Europe/Oslo");
		assertThat(answer.get("day_of_week").asString()).isEqualTo("Wednesday");
	}

	@Test
	void answersInUtcWithoutAZone() {
		assertThat(answer("{}").get("time").asString()).isEqualTo("2026-07-01T10:15:30Z");
		assertThat(answer("{\"timezone\": \"America/New_York\"}").get("time").asString())
			.isEqualTo("2026-07-01T06:15:30-04:00");
	}

	@Test
	void namesAZoneItDoesNotKnow() {
		ToolResult result = call("{\"timezone\": \"Mars/Olympus_Mons\"}");

		assertThat(result.ok()).isFalse();
		assertThat(result.content()).contains("unknown time zone 'Mars/Olympus_Mons'");
		assertThat(call("{\"timezone\": 3}").content()).contains("timezone");
	}

	private ToolResult call(String arguments) {
		return Toolbox.call(tool, UUID.randomUUID(), "call_1", arguments, Instant.MAX);
	}

	private JsonNode answer(String arguments) {
		ToolResult result = call(arguments);
		assertThat(result.ok()).as(result.content()).isTrue();
		return JsonMapper.builder().build().readTree(result.content());
	}
}
