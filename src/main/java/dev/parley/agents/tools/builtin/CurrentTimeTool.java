package dev.parley.agents.tools.builtin;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code current_time}: the server clock's time now, in a time zone the model names (an IANA id
 * such as {@code Europe/Oslo}; UTC when none is given), as ISO 8601 with its offset.
 */
final class CurrentTimeTool implements Tool {

	static final String NAME = "current_time";

	private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
			"The current date and time, in ISO 8601 with the zone's offset, and the day of the week.", """
					{"type": "object",
					 "properties": {
					   "timezone": {"type": "string", "maxLength": 64,
					                "description": "An IANA time zone id such as Europe/Oslo or America/New_York; UTC when absent"}
					 },
					 "additionalProperties": false}""");

	private final Clock clock;

	CurrentTimeTool(Clock clock) {
		this.clock = clock;
	}

	@Override
	public ToolDefinition definition() {
		return DEFINITION;
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		JsonNode asked = invocation.arguments().get("timezone");
		ZoneId zone;
		if (asked == null || asked.isNull() || asked.asString().isBlank()) {
			zone = ZoneOffset.UTC;
		}
		else {
			try {
				zone = ZoneId.of(asked.asString().strip());
			}
			catch (DateTimeException ex) {
				return ToolResult.failed("unknown time zone '" + asked.asString()
						+ "'; use an IANA id such as Europe/Oslo, America/New_York or UTC");
			}
		}
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
		ObjectNode answer = ToolJson.object()
			.put("time", now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.put("timezone", zone.getId())
			.put("day_of_week", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		return ToolResult.ok(ToolJson.text(answer));
	}
}
