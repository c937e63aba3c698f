package dev.parley.feedback;

import java.util.UUID;

/**
 * Where every channel hands the answers it receives. The first answer wins; later ones are
 * recorded in the request's audit trail and refused.
 */
public interface FeedbackInbox {

	/**
	 * Records {@code answer} to the request from the person {@code answeredBy} through
	 * {@code channel}. Only the request's recipient (and, once it was escalated to them, the person
	 * named by its escalation) may answer: anyone else gets {@link AnswerOutcome#NOT_FOUND}, as for a
	 * request that does not exist. With options, the answer is matched to one of them ignoring case
	 * and recorded as the option is spelt. Every outcome but an unknown id is in the request's audit
	 * trail. An accepted answer publishes {@link FeedbackAnswered} once committed.
	 */
	AnswerOutcome answer(UUID requestId, UUID answeredBy, String channel, String answer);

	enum AnswerOutcome {
		/** The answer decided the request. */
		ACCEPTED,
		/** Someone answered first (or the deadline passed); this answer was recorded and refused. */
		ALREADY_DECIDED,
		/** No such request for this person. */
		NOT_FOUND,
		/** Not one of the request's options. */
		NOT_AN_OPTION
	}
}
