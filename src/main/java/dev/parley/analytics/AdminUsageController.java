package dev.parley.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.parley.identity.AdminOnly;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admins' cost view: everyone's usage by user, model, provider, API key ({@code session} for
 * login sessions) or day, most expensive first, as JSON or CSV.
 */
@RestController
@RequestMapping("/api/v1/admin/usage")
@Tag(name = "Analytics")
class AdminUsageController {

	static final String CSV = "text/csv";

	private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

	private static final int DEFAULT_TOP = 20;

	private static final int MAX_TOP = 1000;

	private final UsageReports reports;

	private final Clock clock;

	AdminUsageController(UsageReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Everyone's usage and cost grouped by user, model, provider or day, top N first (admins)",
			description = "group_by: user, model, provider, key (the API key's id; session for login sessions) or day (default user); top: 1 to 1000 groups (default 20), "
					+ "the most expensive first; from and to as for /analytics/usage. Accept: text/csv answers a CSV file.")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	CostView usage(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(name = "group_by", required = false) @Nullable String groupBy,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Integer top) {
		AdminOnly.require(caller, "see everyone's usage");
		FieldChecks checks = new FieldChecks();
		UsageReports.UsageGrouping grouping = checks.check(() -> grouping(groupBy));
		Integer count = checks.check(() -> top(top));
		checks.throwIfAny();
		Instant end = to == null ? clock.instant() : to;
		Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
		UsageReports.UsageTotals totals = reports.totals(null, start, end);
		List<UsageReports.UsageTotals> groups = reports.ranked(grouping, start, end, Objects.requireNonNull(count));
		return new CostView(start, end, grouping.name().toLowerCase(Locale.ROOT), Row.of(totals),
				groups.stream().map(Row::of).toList());
	}

	@GetMapping(produces = CSV)
	@Operation(summary = "The same cost view as a CSV file (Accept: text/csv)")
	ResponseEntity<String> csv(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(name = "group_by", required = false) @Nullable String groupBy,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Integer top) {
		CostView view = usage(caller, groupBy, from, to, top);
		StringBuilder csv = new StringBuilder(view.groupBy()).append(
				",requests,prompt_tokens,completion_tokens,total_tokens,cost_usd\r\n");
		view.groups().forEach(row -> csv.append(csvField(row.key())).append(',').append(row.requests()).append(',')
			.append(row.promptTokens()).append(',').append(row.completionTokens()).append(',')
			.append(row.totalTokens()).append(',').append(row.costUsd().toPlainString()).append("\r\n"));
		String file = "usage-by-" + view.groupBy() + ".csv";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
			.body(csv.toString());
	}

	/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
	static String csvField(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static UsageReports.UsageGrouping grouping(@Nullable String groupBy) {
		if (groupBy == null || groupBy.isBlank()) {
			return UsageReports.UsageGrouping.USER;
		}
		try {
			return UsageReports.UsageGrouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of("group_by", "must be user, model, provider, key or day");
		}
	}

	private static int top(@Nullable Integer top) {
		if (top == null) {
			return DEFAULT_TOP;
		}
		if (top < 1 || top > MAX_TOP) {
			throw InvalidFields.of("top", "must be between 1 and " + MAX_TOP);
		}
		return top;
	}

	record CostView(Instant from, Instant to, String groupBy, Row totals, List<Row> groups) {
	}

	record Row(String key, long requests, long promptTokens, long completionTokens, long totalTokens,
			BigDecimal costUsd, long cacheHits) {

		static Row of(UsageReports.UsageTotals totals) {
			return new Row(totals.key(), totals.requests(), totals.promptTokens(), totals.completionTokens(),
					totals.totalTokens(), totals.costUsd(), totals.cacheHits());
		}
	}
}
