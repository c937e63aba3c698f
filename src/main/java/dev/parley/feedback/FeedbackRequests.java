package dev.parley.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.Ids;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.PageLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback requests: creating one (checked, stored, in its audit trail, then delivered on its
 * channels once committed, {@link FeedbackRequested}), reading them as their recipient, and
 * cancelling those a run no longer waits for. Answers go through {@link FeedbackInbox}. Reads name
 * the person: another person's request is {@link FeedbackRequestNotFound}, as an unknown id is.
 */
@Service
public class FeedbackRequests {

	static final int MAX_QUESTION = 4_000;

	static final int MAX_CONTEXT = 8_000;

	static final int MAX_OPTIONS = 10;

	static final int MAX_OPTION = 200;

	private final FeedbackRecords records;

	private final FeedbackAudit audit;

	private final FeedbackDispatcher dispatcher;

	private final FeedbackProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FeedbackRequests(FeedbackRecords records, FeedbackAudit audit, FeedbackDispatcher dispatcher,
			FeedbackProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.audit = audit;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** What an {@code ask} policy's approval request does at its deadline ({@code parley.feedback.approval-on-timeout}). */
	public OnTimeout approvalOnTimeout() {
		return properties.approvalOnTimeout();
	}

	/**
	 * Checks and stores a request, and publishes {@link FeedbackRequested}: its deliveries follow
	 * once it is committed.
	 * @throws InvalidFields naming every field that is wrong (wire names: {@code question}, {@code options}, ...)
	 */
	@Transactional
	public FeedbackRequest create(NewFeedbackRequest request) {
		Instant now = clock.instant();
		Duration timeout = request.timeout() == null ? properties.defaultTimeout() : request.timeout();
		List<String> channels = request.channels().isEmpty() ? properties.defaultChannels() : request.channels();
		check(request, timeout, channels);
		NewFeedbackRequest.Escalation escalation = request.escalation();
		FeedbackRequest stored = new FeedbackRequest(Ids.next(), request.recipientId(), request.kind(),
				request.question().strip(), request.options().stream().map(String::strip).toList(),
				blankToNull(request.context()), channels, request.onTimeout(), now.plus(timeout),
				escalation == null ? null : now.plus(escalation.after()),
				escalation == null ? List.of() : escalation.channels().isEmpty() ? channels : escalation.channels(),
				escalation == null ? null : escalation.userId(), null, request.requesterUserId(), request.runId(),
				request.stepId(), FeedbackStatus.PENDING, null, null, null, null, null, now, null);
		try {
			records.insert(stored);
		}
		catch (DataIntegrityViolationException ex) {
			// The only reference a client names is the person to escalate to.
			throw InvalidFields.of("escalate_to.user_id", "is not a user");
		}
		audit.record(stored.id(), FeedbackEvent.Type.REQUESTED, null, request.requesterUserId(),
				stored.kind().wireName() + " on " + String.join(", ", channels) + ", deadline " + stored.deadline()
						+ ", on timeout " + stored.onTimeout().wireName());
		events.publishEvent(new FeedbackRequested(stored.id(), stored.recipientId(), stored.kind(), stored.runId(),
				stored.stepId()));
		return stored;
	}

	/** A request this person may answer (theirs, or one escalated to them). */
	public FeedbackRequest get(UUID id, UUID userId) {
		return records.find(id).filter(request -> request.answerableBy(userId)).orElseThrow(FeedbackRequestNotFound::new);
	}

	/** A page of the requests this person may answer, newest first, of one status or all. */
	public CursorPage<FeedbackRequest> page(UUID userId, @Nullable FeedbackStatus status, @Nullable Cursor cursor,
			int limit) {
		int size = PageLimit.clamp(limit);
		return CursorPage.of(records.page(userId, status, cursor, size + 1), size,
				request -> new Cursor(request.createdAt(), request.id()).encode());
	}

	/** The audit trail of a request this person may answer, oldest first. */
	public List<FeedbackEvent> events(UUID id, UUID userId) {
		return audit.of(get(id, userId).id());
	}

	/** A run's step was decided another way (an approval by API): the requests it waited on are cancelled. */
	@Transactional
	public void cancelForStep(UUID runId, UUID stepId, String why) {
		for (UUID id : records.cancelForStep(runId, stepId, clock.instant())) {
			audit.record(id, FeedbackEvent.Type.CANCELLED, null, null, why);
		}
	}

	/** A run ended while it waited: the requests it still waited on are cancelled. */
	@Transactional
	public void cancelForRun(UUID runId, String why) {
		for (UUID id : records.cancelForRun(runId, clock.instant())) {
			audit.record(id, FeedbackEvent.Type.CANCELLED, null, null, why);
		}
	}

	/** The names of the channels this server can deliver on. */
	public List<String> channels() {
		return dispatcher.channelNames();
	}

	private void check(NewFeedbackRequest request, Duration timeout, List<String> channels) {
		FieldChecks checks = new FieldChecks();
		if (request.question().isBlank()) {
			checks.refuse("question", "is required");
		}
		else if (request.question().length() > MAX_QUESTION) {
			checks.refuse("question", "must be at most " + MAX_QUESTION + " characters");
		}
		if (request.context() != null && request.context().length() > MAX_CONTEXT) {
			checks.refuse("context", "must be at most " + MAX_CONTEXT + " characters");
		}
		checkOptions(request.options(), checks);
		checkChannels("channels", channels, checks);
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(properties.maxTimeout()) > 0) {
			checks.refuse("timeout", "must be more than 0 and at most " + properties.maxTimeout());
		}
		NewFeedbackRequest.Escalation escalation = request.escalation();
		if (escalation != null) {
			if (escalation.after().isNegative() || escalation.after().isZero() || escalation.after().compareTo(timeout) >= 0) {
				checks.refuse("escalate_after", "must be more than 0 and less than the timeout");
			}
			checkChannels("escalate_to.channels", escalation.channels(), checks);
			if (request.recipientId().equals(escalation.userId())) {
				checks.refuse("escalate_to.user_id", "must be someone other than the recipient");
			}
		}
		checks.throwIfAny();
	}

	private static void checkOptions(List<String> options, FieldChecks checks) {
		if (options.size() > MAX_OPTIONS) {
			checks.refuse("options", "must be at most " + MAX_OPTIONS);
			return;
		}
		HashSet<String> seen = new HashSet<>();
		for (String option : options) {
			if (option.isBlank() || option.strip().length() > MAX_OPTION) {
				checks.refuse("options", "each must be 1 to " + MAX_OPTION + " characters");
			}
			else if (!seen.add(option.strip().toLowerCase(java.util.Locale.ROOT))) {
				checks.refuse("options", "must be different from each other");
			}
		}
	}

	private void checkChannels(String field, List<String> channels, FieldChecks checks) {
		List<String> unknown = new ArrayList<>(channels);
		unknown.removeAll(dispatcher.channelNames());
		if (!unknown.isEmpty()) {
			checks.refuse(field, "unknown channel " + String.join(", ", unknown) + "; this server delivers on "
					+ String.join(", ", dispatcher.channelNames()));
		}
		else if (new HashSet<>(channels).size() != channels.size()) {
			checks.refuse(field, "must name each channel once");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
