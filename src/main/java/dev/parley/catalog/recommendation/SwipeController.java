package dev.parley.catalog.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/swipes")
@Tag(name = "Swipes", description = "Swipe sessions that learn what you like, and your preference profile")
class SwipeController {

	private final SwipeSessions sessions;

	private final PreferenceAnalytics analytics;

	SwipeController(SwipeSessions sessions, PreferenceAnalytics analytics) {
		this.sessions = sessions;
		this.analytics = analytics;
	}

	@PostMapping("/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a swipe session; it deals its first cards (the queue)")
	SessionResponse start(@AuthenticationPrincipal AuthenticatedUser caller,
			@Valid @RequestBody(required = false) StartSessionRequest request) {
		return SessionResponse.from(sessions.start(caller.id(), request == null ? SwipeSessions.Context.NONE : request.toContext()));
	}

	@GetMapping("/sessions")
	@Operation(summary = "Your swipe sessions, newest first")
	CursorPage<SessionSummary> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return sessions.list(caller.id(), Cursor.decode(cursor), PageLimit.clamp(limit)).map(SessionSummary::from);
	}

	@GetMapping("/sessions/{id}")
	@Operation(summary = "One of your swipe sessions, with its queue")
	SessionResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return SessionResponse.from(sessions.get(id, caller.id()));
	}

	@GetMapping("/sessions/{id}/next")
	@Operation(summary = "The next cards: the queue, topped up with cards chosen from your swipes so far "
			+ "(Thompson sampling over categories); limit 1..20, default 5; an empty list when nothing is left")
	NextCardsResponse next(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestParam(required = false) Integer limit) {
		int count = limit == null ? 5 : Math.max(1, Math.min(SwipeSessions.MAX_NEXT, limit));
		SwipeSessions.SessionView view = sessions.next(id, caller.id(), count);
		return new NextCardsResponse(view.session().id(), view.queue().stream().map(ProductCard::from).toList());
	}

	@PostMapping("/interactions")
	@Operation(summary = "Swipe a product in one of your sessions: 201 the first time; the same swipe again is a 200 "
			+ "with the same body; another direction replaces the earlier one (200, updated_at moves)")
	@ApiResponse(responseCode = "201", description = "The first swipe of this product in the session")
	@ApiResponse(responseCode = "200", description = "The session already had a swipe of this product: the same one, or now replaced")
	@ApiResponse(responseCode = "404", description = "No such session of yours, or no such active product")
	ResponseEntity<SwipeResponse> swipe(@AuthenticationPrincipal AuthenticatedUser caller,
			@Valid @RequestBody SwipeRequest request) {
		SwipeSessions.SwipeOutcome outcome = sessions.swipe(caller.id(), request.sessionId(), request.productId(),
				SignalStore.feedback(request.direction()), request.dwellMs());
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(SwipeResponse.from(outcome.swipe()));
	}

	@GetMapping("/analytics")
	@Operation(summary = "Your preference profile: affinity (-1..1) and confidence (0..1) per category, tag, price band "
			+ "and attribute, with counts, learnt from your swipes and recommendation interactions")
	PreferenceAnalytics.ProfileResponse profile(@AuthenticationPrincipal AuthenticatedUser caller) {
		return analytics.profile(caller.id());
	}

	record StartSessionRequest(@Valid @Nullable ContextRequest context) {

		SwipeSessions.Context toContext() {
			ContextRequest given = context;
			if (given == null) {
				return SwipeSessions.Context.NONE;
			}
			return new SwipeSessions.Context(blankToNull(given.occasion()), blankToNull(given.recipient()),
					given.budget() == null ? null : given.budget().amount(),
					given.budget() == null ? null : given.budget().currency());
		}
	}

	record ContextRequest(@Size(max = 200) @Nullable String occasion, @Size(max = 200) @Nullable String recipient,
			@Valid @Nullable BudgetRequest budget) {
	}

	record SwipeRequest(@NotNull UUID sessionId, @NotNull UUID productId,
			@NotNull @Pattern(regexp = "like|dislike|superlike|skip", message = "must be one of like, dislike, superlike, skip") String direction,
			@PositiveOrZero @Max(86_400_000) @Nullable Integer dwellMs) {
	}

	record ContextResponse(@Nullable String occasion, @Nullable String recipient, ProductCard.@Nullable Price budget) {
	}

	record SessionResponse(UUID id, ContextResponse context, int swipes, List<ProductCard> queue, Instant createdAt) {

		static SessionResponse from(SwipeSessions.SessionView view) {
			SwipeSession session = view.session();
			return new SessionResponse(session.id(), contextOf(session), session.swipeCount(),
					view.queue().stream().map(ProductCard::from).toList(), session.createdAt());
		}
	}

	record SessionSummary(UUID id, ContextResponse context, int swipes, Instant createdAt) {

		static SessionSummary from(SwipeSession session) {
			return new SessionSummary(session.id(), contextOf(session), session.swipeCount(), session.createdAt());
		}
	}

	record NextCardsResponse(UUID sessionId, List<ProductCard> items) {
	}

	record SwipeResponse(UUID sessionId, UUID productId, String direction, @Nullable Integer dwellMs, Instant createdAt,
			Instant updatedAt) {

		static SwipeResponse from(Swipe swipe) {
			return new SwipeResponse(swipe.sessionId(), swipe.productId(),
					swipe.direction().name().toLowerCase(Locale.ROOT), swipe.dwellMs(), swipe.createdAt(),
					swipe.updatedAt());
		}
	}

	private static ContextResponse contextOf(SwipeSession session) {
		ProductCard.Price budget = session.budgetAmount() == null || session.budgetCurrency() == null ? null
				: ProductCard.Price.of(session.budgetAmount(), session.budgetCurrency());
		return new ContextResponse(session.occasion(), session.recipient(), budget);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
