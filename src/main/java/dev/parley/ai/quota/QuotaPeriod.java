package dev.parley.ai.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A UTC calendar period a limit counts over: the day, the month or the minute an instant falls in.
 *
 * @param suffix names this period in counter keys ({@code d2026-12-01}, {@code m2026-12}, {@code n29443236})
 * @param end when it ends, and its counters reset
 */
record QuotaPeriod(String suffix, Instant end) {

	static QuotaPeriod day(Instant now) {
		LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return new QuotaPeriod("d" + day, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	static QuotaPeriod month(Instant now) {
		YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
		return new QuotaPeriod("m" + month, month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	static QuotaPeriod minute(Instant now) {
		Instant start = now.truncatedTo(ChronoUnit.MINUTES);
		return new QuotaPeriod("n" + start.getEpochSecond() / 60, start.plus(1, ChronoUnit.MINUTES));
	}
}
