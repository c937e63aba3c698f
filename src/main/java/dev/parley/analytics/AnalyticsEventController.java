package dev.parley.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.JsonDocument;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Events, chat statistics, token usage and cost")
class AnalyticsEventController {

	private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

	private final ClientEvents clientEvents;

	private final AnalyticsEventStore store;

	private final ChatStatistics statistics;

	private final Clock clock;

	AnalyticsEventController(ClientEvents clientEvents, AnalyticsEventStore store, ChatStatistics statistics,
			Clock clock) {
		this.clientEvents = clientEvents;
		this.store = store;
		this.statistics = statistics;
		this.clock = clock;
	}

	@PostMapping("/events")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Track events: one {name, properties, occurred_at} or an array of up to 100",
			description = "name: lower-case dot-separated parts (button_clicked, chat.exported); properties: a JSON "
					+ "object of at most 8 KiB; occurred_at: defaults to now, never in the future. A batch is stored "
					+ "whole or not at all; every invalid field is reported at once ([3].name).")
	@RequestBody(content = @Content(schema = @Schema(oneOf = { EventInput.class, EventInput[].class })))
	Tracked track(@AuthenticationPrincipal AuthenticatedUser caller,
			@org.springframework.web.bind.annotation.RequestBody JsonNode body) {
		List<AnalyticsEvent> events = clientEvents.track(caller.id(), body);
		return new Tracked(events.size(), events.stream().map(AnalyticsEvent::id).toList());
	}

	@GetMapping("/events")
	@Operation(summary = "Your events, newest first (admins: a user's with user_id, everyone's without)",
			description = "Filters: name, source (client or server), from and to (to exclusive; default the last 30 days).")
	CursorPage<EventView> events(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(name = "user_id", required = false) @Nullable UUID userId,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		FieldChecks checks = new FieldChecks();
		UUID subject = checks.check(() -> ReportSubject.of(caller, userId));
		String sourceFilter = checks.check(() -> source(source));
		Cursor position = checks.check(() -> Cursor.decode(cursor));
		checks.throwIfAny();
		Instant end = to == null ? clock.instant() : to;
		Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
		int size = PageLimit.clamp(limit);
		var filter = new AnalyticsEventStore.EventFilter(blankToNull(name), sourceFilter, start, end);
		return CursorPage.of(store.page(subject, filter, position, size), size,
				event -> new Cursor(event.occurredAt(), event.id()).encode()).map(EventView::of);
	}

	@GetMapping("/chats/stats")
	@Operation(summary = "Chat statistics: chats started, messages posted, replies by model and by day, "
			+ "average latency and time to first token, tokens and cost",
			description = "Yours (admins: a user's with user_id, everyone's without); from and to as for usage.")
	ChatStatsResponse chatStats(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(name = "user_id", required = false) @Nullable UUID userId) {
		UUID subject = ReportSubject.of(caller, userId);
		Instant end = to == null ? clock.instant() : to;
		Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
		ChatStatistics.Stats stats = statistics.of(subject, start, end);
		return new ChatStatsResponse(start, end, subject, stats.chats(), stats.messages(), stats.replies(),
				stats.byModel(), stats.byDay());
	}

	private static @Nullable String source(@Nullable String source) {
		if (source == null || source.isBlank()) {
			return null;
		}
		if (!source.equals(AnalyticsEvent.CLIENT) && !source.equals(AnalyticsEvent.SERVER)) {
			throw InvalidFields.of("source", "must be client or server");
		}
		return source;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** One event as a client sends it. */
	record EventInput(@Schema(example = "chat.exported") String name, @Nullable JsonDocument properties,
			@Nullable Instant occurredAt) {
	}

	record Tracked(int accepted, List<UUID> ids) {
	}

	record EventView(UUID id, UUID userId, String name, String source, Map<String, Object> properties,
			Instant occurredAt, Instant receivedAt) {

		static EventView of(AnalyticsEvent event) {
			return new EventView(event.id(), event.userId(), event.name(), event.source(),
					event.properties().fields(), event.occurredAt(), event.receivedAt());
		}
	}

	record ChatStatsResponse(Instant from, Instant to, @Nullable UUID userId, long chats, long messages,
			ChatStatistics.Replies replies, List<ChatStatistics.Replies> byModel, List<ChatStatistics.Day> byDay) {
	}
}
