package dev.parley.agents.tools.analytics;

import java.util.List;
import java.util.UUID;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolSource;
import org.springframework.stereotype.Component;

/** Offers {@code analytics_report} to users who have at least one Google Analytics data connection. */
@Component
class AnalyticsToolSource implements ToolSource {

	private final AnalyticsReportTool report;

	private final DataConnections connections;

	AnalyticsToolSource(AnalyticsReportTool report, DataConnections connections) {
		this.report = report;
		this.connections = connections;
	}

	@Override
	public List<Tool> toolsFor(UUID userId) {
		return connections.hasGoogleAnalytics(userId) ? List.of(report) : List.of();
	}
}
