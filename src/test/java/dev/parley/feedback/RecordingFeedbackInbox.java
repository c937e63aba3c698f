package dev.parley.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link FeedbackInbox} for the channels' tests, standing in for the feedback core's: requests a
 * test {@link #expect expects} can be answered by their recipient, with one of their options (any
 * text when they have none); the first answer wins, later ones are recorded and refused.
 */
public class RecordingFeedbackInbox implements FeedbackInbox {

	/** An answer as it reached the inbox, and what the inbox made of it. */
	public record Answer(UUID answeredBy, String channel, String answer, AnswerOutcome outcome) {
	}

	private record Expected(UUID recipientId, List<String> options, List<Answer> answers) {
	}

	private final Map<UUID, Expected> requests = new ConcurrentHashMap<>();

	/** A request {@code recipientId} may answer with one of {@code options}. */
	public void expect(UUID requestId, UUID recipientId, List<String> options) {
		requests.put(requestId, new Expected(recipientId, List.copyOf(options), new ArrayList<>()));
	}

	/** The answers {@code requestId} received, in order. */
	public List<Answer> answers(UUID requestId) {
		Expected expected = requests.get(requestId);
		if (expected == null) {
			return List.of();
		}
		synchronized (expected) {
			return List.copyOf(expected.answers());
		}
	}

	@Override
	public AnswerOutcome answer(UUID requestId, UUID answeredBy, String channel, String answer) {
		Expected expected = requests.get(requestId);
		if (expected == null || !expected.recipientId().equals(answeredBy)) {
			return AnswerOutcome.NOT_FOUND;
		}
		synchronized (expected) {
			AnswerOutcome outcome;
			if (!expected.options().isEmpty() && !expected.options().contains(answer)) {
				outcome = AnswerOutcome.NOT_AN_OPTION;
			}
			else if (expected.answers().stream().anyMatch(a -> a.outcome() == AnswerOutcome.ACCEPTED)) {
				outcome = AnswerOutcome.ALREADY_DECIDED;
			}
			else {
				outcome = AnswerOutcome.ACCEPTED;
			}
			expected.answers().add(new Answer(answeredBy, channel, answer, outcome));
			return outcome;
		}
	}

	/** Puts the recording inbox in a test's context, before any other. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		RecordingFeedbackInbox recordingFeedbackInbox() {
			return new RecordingFeedbackInbox();
		}
	}
}
