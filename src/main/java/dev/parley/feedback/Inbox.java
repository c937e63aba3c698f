package dev.parley.feedback;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every channel's answers arrive. The first answer from someone who may answer wins
 * ({@link FeedbackAnswered} is published with it); every other attempt is recorded in the
 * request's audit trail and refused.
 */
@Component
class Inbox implements FeedbackInbox {

	private final FeedbackRecords records;

	private final FeedbackAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inbox(FeedbackRecords records, FeedbackAudit audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public AnswerOutcome answer(UUID requestId, UUID answeredBy, String channel, String answer) {
		Optional<FeedbackRequest> found = records.find(requestId);
		if (found.isEmpty()) {
			return AnswerOutcome.NOT_FOUND;
		}
		FeedbackRequest request = found.get();
		if (!request.answerableBy(answeredBy)) {
			audit.record(requestId, FeedbackEvent.Type.ANSWER_REFUSED, channel, answeredBy,
					"refused: not from a person this request was sent to");
			return AnswerOutcome.NOT_FOUND;
		}
		Optional<String> chosen = chosen(request, answer);
		if (chosen.isEmpty()) {
			audit.record(requestId, FeedbackEvent.Type.ANSWER_REFUSED, channel, answeredBy,
					"refused: not one of the options: " + answer);
			return AnswerOutcome.NOT_AN_OPTION;
		}
		Optional<FeedbackRequest> answered = records.answer(requestId, answeredBy, channel, chosen.get(),
				clock.instant());
		if (answered.isEmpty()) {
			FeedbackStatus now = records.find(requestId).map(FeedbackRequest::status).orElse(request.status());
			audit.record(requestId, FeedbackEvent.Type.ANSWER_REFUSED, channel, answeredBy,
					"refused: the request is " + now.wireName() + " already; answer was: " + chosen.get());
			return AnswerOutcome.ALREADY_DECIDED;
		}
		audit.record(requestId, FeedbackEvent.Type.ANSWERED, channel, answeredBy, chosen.get());
		FeedbackRequest decided = answered.get();
		events.publishEvent(new FeedbackAnswered(decided.id(), decided.recipientId(), decided.kind(), decided.runId(),
				decided.stepId(), chosen.get(), answeredBy, channel));
		return AnswerOutcome.ACCEPTED;
	}

	/** The answer as recorded: one of the options as the request spells it, or the free text; empty when neither. */
	private static Optional<String> chosen(FeedbackRequest request, String answer) {
		String given = answer.strip();
		if (given.isEmpty()) {
			return Optional.empty();
		}
		if (request.options().isEmpty()) {
			return Optional.of(given);
		}
		return request.options()
			.stream()
			.filter(option -> option.toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)))
			.findFirst();
	}
}
