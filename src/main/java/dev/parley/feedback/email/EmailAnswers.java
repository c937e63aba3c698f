package dev.parley.feedback.email;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.parley.feedback.FeedbackInbox;
import dev.parley.feedback.FeedbackInbox.AnswerOutcome;
import dev.parley.identity.UserChannels;
import dev.parley.platform.ParleyException;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a feedback link may do: {@link #open} checks it for the confirmation page and changes
 * nothing; {@link #answer} uses it up and hands the answer to the {@link FeedbackInbox}. A link is
 * refused when its signature is wrong, past its request's deadline, used already, opened by
 * another signed-in account, or sent to an address that is no longer the recipient's.
 */
class EmailAnswers {

	/** The longest free-text answer a form takes. */
	static final int MAX_ANSWER_LENGTH = 4000;

	private final EmailLinkTokens tokens;

	private final EmailLinks links;

	private final UserChannels userChannels;

	private final FeedbackInbox inbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EmailAnswers(EmailLinkTokens tokens, EmailLinks links, UserChannels userChannels, FeedbackInbox inbox,
			TransactionTemplate transactions, Clock clock) {
		this.tokens = tokens;
		this.links = links;
		this.userChannels = userChannels;
		this.inbox = inbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What became of a link; {@link #OPEN} and {@link #ANSWERED} are the good ends. */
	enum Outcome {
		OPEN, ANSWERED, INVALID, EXPIRED, USED, DECIDED, NOT_YOURS, ADDRESS_CHANGED, REQUEST_GONE, NOT_AN_OPTION,
		ANSWER_REQUIRED
	}

	/**
	 * @param link the stored link when the token named one
	 */
	record Check(Outcome outcome, EmailLinks.@Nullable Link link) {
	}

	/**
	 * Checks {@code token} for the confirmation page.
	 * @param caller the signed-in account of the request, if any
	 */
	Check open(String token, @Nullable UUID caller) {
		EmailLinkTokens.Reading reading = tokens.read(token, clock.instant());
		if (reading instanceof EmailLinkTokens.Expired) {
			return new Check(Outcome.EXPIRED, null);
		}
		if (!(reading instanceof EmailLinkTokens.Valid valid)) {
			return new Check(Outcome.INVALID, null);
		}
		Optional<EmailLinks.Link> found = links.find(valid.claims());
		if (found.isEmpty()) {
			return new Check(Outcome.INVALID, null);
		}
		EmailLinks.Link link = found.get();
		if (caller != null && !caller.equals(link.recipientId())) {
			return new Check(Outcome.NOT_YOURS, null);
		}
		if (link.usedAt() != null) {
			return new Check(Outcome.USED, link);
		}
		if (!stillTheRecipientsAddress(link)) {
			return new Check(Outcome.ADDRESS_CHANGED, null);
		}
		return new Check(Outcome.OPEN, link);
	}

	/**
	 * Uses {@code token} to answer its request.
	 * @param freeText the form's answer, for a link without an option of its own
	 */
	Check answer(String token, @Nullable String freeText, @Nullable UUID caller) {
		Check check = open(token, caller);
		EmailLinks.Link link = check.link();
		if (check.outcome() != Outcome.OPEN || link == null) {
			return check;
		}
		String answer = link.answer() != null ? link.answer() : freeText == null ? "" : freeText.strip();
		if (answer.isEmpty() || answer.length() > MAX_ANSWER_LENGTH) {
			return new Check(Outcome.ANSWER_REQUIRED, link);
		}
		Outcome outcome = transactions.execute(status -> {
			if (!links.use(link.nonce())) {
				return Outcome.USED;
			}
			AnswerOutcome answered = inbox.answer(link.requestId(), link.recipientId(), EmailFeedbackChannel.NAME, answer);
			return switch (answered) {
				case ACCEPTED -> Outcome.ANSWERED;
				case ALREADY_DECIDED -> Outcome.DECIDED;
				case NOT_FOUND -> Outcome.REQUEST_GONE;
				case NOT_AN_OPTION -> Outcome.NOT_AN_OPTION;
			};
		});
		return new Check(outcome, link);
	}

	private boolean stillTheRecipientsAddress(EmailLinks.Link link) {
		try {
			return userChannels.of(link.recipientId()).email().equalsIgnoreCase(link.address());
		}
		catch (ParleyException ex) {
			return false;
		}
	}
}
