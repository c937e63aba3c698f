package dev.parley.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Token usage and cost")
class UsageController {

	private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

	private final UsageReports reports;

	private final Clock clock;

	UsageController(UsageReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/usage")
	@Operation(summary = "Your usage (admins: a user's with user_id, everyone's without) between from and to",
			description = "from and to are ISO dates or instants; to is exclusive; the default is the last 30 days. "
					+ "group_by is model or day.")
	UsageResponse usage(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(name = "group_by", required = false) @Nullable String groupBy,
			@RequestParam(name = "user_id", required = false) @Nullable UUID userId) {
		Instant end = to == null ? clock.instant() : to;
		Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
		FieldChecks checks = new FieldChecks();
		UUID subject = checks.check(() -> ReportSubject.of(caller, userId));
		UsageReports.UsageGrouping grouping = groupBy == null ? null : checks.check(() -> grouping(groupBy));
		checks.throwIfAny();
		UsageReports.UsageTotals totals = reports.totals(subject, start, end);
		List<Group> groups = grouping == null ? null
				: reports.grouped(grouping, subject, start, end).stream().map(Group::from).toList();
		return new UsageResponse(start, end, subject, Totals.from(totals), groups);
	}

	private static UsageReports.UsageGrouping grouping(String groupBy) {
		try {
			return UsageReports.UsageGrouping.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidUsageQuery(Map.of("group_by", "must be model, provider, key, day or user"));
		}
	}

	record UsageResponse(Instant from, Instant to, @Nullable UUID userId, Totals totals, @Nullable List<Group> groups) {
	}

	record Totals(long requests, long promptTokens, long completionTokens, long totalTokens, BigDecimal costUsd,
			long cacheHits) {

		static Totals from(UsageReports.UsageTotals totals) {
			return new Totals(totals.requests(), totals.promptTokens(), totals.completionTokens(), totals.totalTokens(),
					totals.costUsd(), totals.cacheHits());
		}
	}

	record Group(String key, long requests, long promptTokens, long completionTokens, long totalTokens,
			BigDecimal costUsd, long cacheHits) {

		static Group from(UsageReports.UsageTotals totals) {
			return new Group(totals.key(), totals.requests(), totals.promptTokens(), totals.completionTokens(),
					totals.totalTokens(), totals.costUsd(), totals.cacheHits());
		}
	}

	/** A usage query with a parameter that cannot be answered. */
	static final class InvalidUsageQuery extends InvalidFields {

		InvalidUsageQuery(Map<String, String> fields) {
			super("The usage query is invalid.", fields);
		}
	}
}
