package dev.parley.agents.tools.analytics;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A GA4 {@code runReport} answer as a compact table for a model: a line of column names, a line per
 * row, values separated by {@code " | "}, then how many rows the report has in all.
 */
final class ReportTable {

	private ReportTable() {
	}

	static String render(String propertyId, ReportRequest request, JsonNode report) {
		List<String> columns = new ArrayList<>();
		report.path("dimensionHeaders").forEach(header -> columns.add(header.path("name").asString("")));
		report.path("metricHeaders").forEach(header -> columns.add(header.path("name").asString("")));
		StringBuilder table = new StringBuilder();
		table.append("GA4 property ")
			.append(propertyId)
			.append(", ")
			.append(request.startDate())
			.append(" to ")
			.append(request.endDate())
			.append('\n');
		table.append(String.join(" | ", columns)).append('\n');
		int shown = 0;
		for (JsonNode row : report.path("rows")) {
			List<String> cells = new ArrayList<>();
			row.path("dimensionValues").forEach(value -> cells.add(cell(value)));
			row.path("metricValues").forEach(value -> cells.add(cell(value)));
			table.append(String.join(" | ", cells)).append('\n');
			shown++;
		}
		long total = report.path("rowCount").asLong(shown);
		table.append('(').append(shown).append(shown == 1 ? " row" : " rows");
		if (total > shown) {
			table.append(" of ").append(total).append("; raise limit for more");
		}
		return table.append(')').toString();
	}

	private static String cell(JsonNode value) {
		return value.path("value").asString("").replace("|", "/").replaceAll("\\s+", " ");
	}
}
