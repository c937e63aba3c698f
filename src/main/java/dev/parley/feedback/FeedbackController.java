package dev.parley.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The in-app channel of feedback requests: asking yourself, listing, reading, answering, the audit trail. */
@RestController
@RequestMapping("/api/v1/feedback")
@Tag(name = "Feedback", description = "People in the loop: questions and approvals put to you by agents and programs")
class FeedbackController {

	private final FeedbackRequests requests;

	private final FeedbackInbox inbox;

	FeedbackController(FeedbackRequests requests, FeedbackInbox inbox) {
		this.requests = requests;
		this.inbox = inbox;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Put a question to yourself on your channels (a program's way to ask its owner)",
			description = "Delivered on its channels (in_app by default) once stored; it waits until its timeout "
					+ "(48h by default) and then does what on_timeout says. With escalate_after it is delivered "
					+ "again then, on escalate_to.channels and to escalate_to.user_id when given.")
	FeedbackResponse create(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody CreateRequest request) {
		FieldChecks checks = new FieldChecks();
		Duration timeout = request.timeout() == null ? null : checks.check(() -> duration("timeout", request.timeout()));
		OnTimeout onTimeout = request.onTimeout() == null ? OnTimeout.WAIT
				: checks.check(() -> onTimeout(request.onTimeout()));
		NewFeedbackRequest.Escalation escalation = null;
		if (request.escalateAfter() != null) {
			Duration after = checks.check(() -> duration("escalate_after", request.escalateAfter()));
			EscalateTo to = request.escalateTo();
			if (after != null) {
				escalation = new NewFeedbackRequest.Escalation(after,
						to == null || to.channels() == null ? List.of() : to.channels(), to == null ? null : to.userId());
			}
		}
		else if (request.escalateTo() != null) {
			checks.refuse("escalate_after", "is required with escalate_to");
		}
		checks.throwIfAny();
		return FeedbackResponse.from(requests.create(new NewFeedbackRequest(caller.id(), FeedbackKind.QUESTION,
				request.question() == null ? "" : request.question(),
				request.options() == null ? List.of() : request.options(), request.context(),
				request.channels() == null ? List.of() : request.channels(), timeout, onTimeout, escalation,
				caller.id(), null, null)));
	}

	@GetMapping
	@Operation(summary = "The requests put to you (and escalated to you), newest first")
	CursorPage<FeedbackResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@Parameter(schema = @Schema(allowableValues = { "pending", "answered", "timed_out", "cancelled" }))
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return requests.page(caller.id(), status == null ? null : status(status), Cursor.decode(cursor),
				PageLimit.clamp(limit)).map(FeedbackResponse::from);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One request put to you")
	FeedbackResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return FeedbackResponse.from(requests.get(id, caller.id()));
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "Answer a request put to you; the first answer wins",
			description = "With options, the answer must be one of them (in any case). An agent waiting on it "
					+ "goes on with the answer; an approval request approves or denies its tool call.")
	@ApiResponse(responseCode = "409", description = "Answered first, timed out or cancelled; this answer was recorded and refused")
	FeedbackResponse answer(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@RequestBody AnswerRequest request) {
		if (request.answer() == null || request.answer().isBlank()) {
			throw InvalidFields.of("answer", "is required");
		}
		if (request.answer().length() > FeedbackRequests.MAX_CONTEXT) {
			throw InvalidFields.of("answer", "must be at most " + FeedbackRequests.MAX_CONTEXT + " characters");
		}
		switch (inbox.answer(id, caller.id(), InAppChannel.NAME, request.answer())) {
			case ACCEPTED -> {
			}
			case NOT_FOUND -> throw new FeedbackRequestNotFound();
			case NOT_AN_OPTION -> throw InvalidFields.of("answer",
					"must be one of " + String.join(", ", requests.get(id, caller.id()).options()));
			case ALREADY_DECIDED -> throw new FeedbackAlreadyDecided(requests.get(id, caller.id()).status());
		}
		return FeedbackResponse.from(requests.get(id, caller.id()));
	}

	@GetMapping("/{id}/events")
	@Operation(summary = "The audit trail of a request put to you: created, each delivery, each answer (accepted "
			+ "or refused), expiry, escalation, cancellation; oldest first")
	List<FeedbackEvent> events(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return requests.events(id, caller.id());
	}

	private static Duration duration(String field, String text) {
		try {
			return DurationStyle.detectAndParse(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of(field, "must be a duration such as 30m, 48h or PT2H");
		}
	}

	private static OnTimeout onTimeout(String text) {
		try {
			return OnTimeout.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of("on_timeout", "must be wait, deny, approve or halt");
		}
	}

	private static FeedbackStatus status(String text) {
		try {
			return FeedbackStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidFields.of("status", "must be pending, answered, timed_out or cancelled");
		}
	}

	record CreateRequest(@Schema(maxLength = FeedbackRequests.MAX_QUESTION) @Nullable String question,
			@Schema(description = "the answers to offer; none for a free-text answer") @Nullable List<String> options,
			@Schema(maxLength = FeedbackRequests.MAX_CONTEXT) @Nullable String context,
			@Schema(description = "in_app (the default), email, slack") @Nullable List<String> channels,
			@Schema(description = "a duration: 30m, 48h, PT2H; 48h by default") @Nullable String timeout,
			@Schema(allowableValues = { "wait", "deny", "approve", "halt" }, defaultValue = "wait") @Nullable String onTimeout,
			@Schema(description = "deliver again after this long unanswered (a duration)") @Nullable String escalateAfter,
			@Nullable EscalateTo escalateTo) {
	}

	record EscalateTo(@Schema(description = "the channels to deliver on again; the request's own by default")
	@Nullable List<String> channels,
			@Schema(description = "another user to ask too (they may then answer)") @Nullable UUID userId) {
	}

	record AnswerRequest(@Nullable String answer) {
	}

	record FeedbackResponse(UUID id, FeedbackKind kind, String question, List<String> options,
			@Nullable String context, List<String> channels, OnTimeout onTimeout, Instant deadline,
			@Nullable Escalation escalation, Requester requester, FeedbackStatus status, @Nullable String answer,
			@Nullable UUID answeredBy, @Nullable String answeredVia, @Nullable Instant answeredAt,
			@Nullable Instant expiredAt, Instant createdAt, @Nullable Instant endedAt) {

		static FeedbackResponse from(FeedbackRequest request) {
			return new FeedbackResponse(request.id(), request.kind(), request.question(), request.options(),
					request.context(), request.channels(), request.onTimeout(), request.deadline(),
					request.escalateAt() == null ? null
							: new Escalation(request.escalateAt(), request.escalateChannels(), request.escalateToUserId(),
									request.escalatedAt()),
					new Requester(request.requesterUserId(), request.runId(), request.stepId()), request.status(),
					request.answer(), request.answeredBy(), request.answeredVia(), request.answeredAt(),
					request.expiredAt(), request.createdAt(), request.endedAt());
		}
	}

	record Escalation(Instant at, List<String> channels, @Nullable UUID userId, @Nullable Instant escalatedAt) {
	}

	record Requester(@Nullable UUID userId, @Nullable UUID runId, @Nullable UUID stepId) {
	}
}
