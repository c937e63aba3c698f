/**
 * Users' data connections ({@code /api/v1/data-connections}: a Google Analytics 4 property and the
 * user's own service account key, stored encrypted) and the {@code analytics_report} tool, which runs
 * a GA4 Data API report with them.
 */
@NullMarked
package dev.parley.agents.tools.analytics;

import org.jspecify.annotations.NullMarked;
