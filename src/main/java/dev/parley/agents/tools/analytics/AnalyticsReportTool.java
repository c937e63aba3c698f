package dev.parley.agents.tools.analytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolHints;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.ai.ToolDefinition;
import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code analytics_report}: a GA4 report on one of the caller's Google Analytics connections, as a
 * compact table. It only reads (the token's scope is read-only), but it reaches a third party with
 * the user's key, so it is open-world and a person approves it unless the agent's policy says
 * otherwise.
 */
@Component
class AnalyticsReportTool implements Tool {

	static final String NAME = "analytics_report";

	static final ToolHints HINTS = new ToolHints(true, false, true);

	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}|today|yesterday|[0-9]{1,4}daysAgo");

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_:]{0,99}");

	private static final ToolDefinition DEFINITION = new ToolDefinition(NAME, """
			Runs a Google Analytics 4 report (Data API runReport) on one of your Google Analytics data \
			connections and returns a table. Dimensions and metrics use GA4 API names (date, country, \
			pagePath, sessionSource; activeUsers, sessions, screenPageViews, conversions, totalRevenue).""", """
			{"type":"object","properties":{\
			"connection":{"type":"string","description":"Name or id of the data connection; default: your only Google Analytics connection"},\
			"start_date":{"type":"string","description":"YYYY-MM-DD, today, yesterday or NdaysAgo (7daysAgo)"},\
			"end_date":{"type":"string","description":"YYYY-MM-DD, today, yesterday or NdaysAgo"},\
			"dimensions":{"type":"array","items":{"type":"string"},"maxItems":9},\
			"metrics":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":10},\
			"limit":{"type":"integer","minimum":1,"description":"Most rows to return"}},\
			"required":["start_date","end_date","metrics"],"additionalProperties":false}""");

	private final DataConnections connections;

	private final GoogleAnalyticsClient google;

	private final AnalyticsProperties properties;

	private final Clock clock;

	AnalyticsReportTool(DataConnections connections, GoogleAnalyticsClient google, AnalyticsProperties properties,
			Clock clock) {
		this.clock = clock;
		this.connections = connections;
		this.google = google;
		this.properties = properties;
	}

	@Override
	public ToolDefinition definition() {
		return DEFINITION;
	}

	@Override
	public ToolHints hints() {
		return HINTS;
	}

	@Override
	public ToolResult execute(ToolInvocation invocation) {
		JsonNode arguments = invocation.arguments();
		List<String> problems = new ArrayList<>();
		String start = date(arguments, "start_date", problems);
		String end = date(arguments, "end_date", problems);
		List<String> dimensions = names(arguments, "dimensions", 9, false, problems);
		List<String> metrics = names(arguments, "metrics", 10, true, problems);
		int limit = properties.defaultRows();
		JsonNode requested = arguments.get("limit");
		if (requested != null && !requested.isNull()) {
			if (!requested.isIntegralNumber() || requested.asLong() < 1 || requested.asLong() > properties.maxRows()) {
				problems.add("limit must be a whole number from 1 to " + properties.maxRows());
			}
			else {
				limit = requested.asInt();
			}
		}
		if (!problems.isEmpty()) {
			return ToolResult.failed(String.join("; ", problems));
		}
		if (!clock.instant().isBefore(invocation.deadline())) {
			return ToolResult.failed("the run's time is up");
		}
		JsonNode named = arguments.get("connection");
		Choice choice = choose(invocation.userId(), named == null || named.isNull() ? null : named.asString());
		if (choice.connection() == null) {
			return ToolResult.failed(choice.problem());
		}
		DataConnection connection = choice.connection();
		Optional<ServiceAccountKey> key;
		try {
			key = connections.key(connection);
		}
		catch (InvalidFields ex) {
			// Stored under rules this server no longer has (an http token_uri, say).
			return ToolResult.failed("the stored key of data connection '" + connection.name()
					+ "' is no longer accepted: it " + String.join("; ", ex.invalidFields().values())
					+ "; add the connection again");
		}
		if (key.isEmpty()) {
			return ToolResult.failed("the key of data connection '" + connection.name()
					+ "' can no longer be read on this server (the encryption key changed); add the connection again");
		}
		ReportRequest report = new ReportRequest(start, end, dimensions, metrics, limit);
		try {
			return ToolResult.ok(ReportTable.render(connection.propertyId(), report,
					google.runReport(connection, key.get(), report)));
		}
		catch (GoogleRefused ex) {
			return ToolResult.failed(ex.getMessage());
		}
	}

	private Choice choose(UUID userId, @Nullable String named) {
		List<DataConnection> mine = connections.googleAnalytics(userId);
		String names = mine.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
		if (mine.isEmpty()) {
			return new Choice(null, "you have no Google Analytics data connection (add one under /api/v1/data-connections)");
		}
		if (named == null || named.isBlank()) {
			return mine.size() == 1 ? new Choice(mine.getFirst(), "")
					: new Choice(null, "you have several Google Analytics connections; name one in connection: " + names);
		}
		String wanted = named.strip();
		Optional<DataConnection> found = mine.stream()
			.filter(c -> c.id().toString().equalsIgnoreCase(wanted) || c.name().equals(wanted))
			.findFirst()
			.or(() -> mine.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst());
		return found.map(c -> new Choice(c, ""))
			.orElseGet(() -> new Choice(null, "no Google Analytics connection is named '" + GoogleRefused.clean(wanted)
					+ "'; yours: " + names));
	}

	private static String date(JsonNode arguments, String field, List<String> problems) {
		JsonNode value = arguments.get(field);
		if (value == null || !value.isString() || !DATE.matcher(value.asString()).matches()) {
			problems.add(field + " must be YYYY-MM-DD, today, yesterday or NdaysAgo");
			return "";
		}
		return value.asString();
	}

	private static List<String> names(JsonNode arguments, String field, int most, boolean required,
			List<String> problems) {
		JsonNode value = arguments.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				problems.add(field + " must name at least one GA4 " + field.substring(0, field.length() - 1));
			}
			return List.of();
		}
		List<String> names = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(item -> names.add(item.isString() ? item.asString() : ""));
		}
		if (!value.isArray() || names.size() > most || (required && names.isEmpty())
				|| names.stream().anyMatch(name -> !FIELD_NAME.matcher(name).matches())) {
			problems.add(field + " must be a list of up to " + most + " GA4 API names" + (required ? " (at least one)" : ""));
			return List.of();
		}
		return names;
	}

	private record Choice(@Nullable DataConnection connection, String problem) {
	}
}
