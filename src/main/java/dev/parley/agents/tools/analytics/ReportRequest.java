package dev.parley.agents.tools.analytics;

import java.util.List;

/**
 * A GA4 report: one date range, the dimensions and metrics by their API names, and the most rows.
 *
 * @param startDate {@code YYYY-MM-DD}, {@code today}, {@code yesterday} or {@code NdaysAgo}
 * @param endDate the same forms
 */
record ReportRequest(String startDate, String endDate, List<String> dimensions, List<String> metrics, int limit) {
}
