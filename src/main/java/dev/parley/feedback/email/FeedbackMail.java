package dev.parley.feedback.email;

import java.util.List;

import dev.parley.feedback.FeedbackDelivery;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The text and HTML of a feedback mail: the question, its context, one link per option (or one to
 * the free-text form) and when the links stop working. Nothing in it runs: plain links, no scripts,
 * no remote images.
 */
final class FeedbackMail {

	private static final int SUBJECT_QUESTION_LENGTH = 80;

	private FeedbackMail() {
	}

	/** One link of the mail: what it answers (or {@code null} for the form) and its URL. */
	record Choice(@Nullable String answer, String url) {
	}

	static String subject(FeedbackDelivery delivery) {
		String question = oneLine(delivery.question());
		return "Your answer is needed: " + (question.length() > SUBJECT_QUESTION_LENGTH
				? question.substring(0, SUBJECT_QUESTION_LENGTH - 1) + "\u2026" : question);
	}

	static String text(FeedbackDelivery delivery, List<Choice> choices) {
		StringBuilder text = new StringBuilder(delivery.question()).append("\n\n");
		if (delivery.context() != null && !delivery.context().isBlank()) {
			text.append(delivery.context()).append("\n\n");
		}
		for (Choice choice : choices) {
			text.append(choice.answer() == null ? "Write your answer" : choice.answer()).append(":\n")
				.append(choice.url())
				.append("\n\n");
		}
		return text.append(footer(delivery)).append('\n').toString();
	}

	static String html(FeedbackDelivery delivery, List<Choice> choices) {
		StringBuilder html = new StringBuilder("<!doctype html><html><body>\n<p><strong>")
			.append(escaped(delivery.question()))
			.append("</strong></p>\n");
		if (delivery.context() != null && !delivery.context().isBlank()) {
			html.append("<p>").append(escaped(delivery.context())).append("</p>\n");
		}
		html.append("<ul>\n");
		for (Choice choice : choices) {
			html.append("<li><a href=\"")
				.append(HtmlUtils.htmlEscape(choice.url()))
				.append("\">")
				.append(choice.answer() == null ? "Write your answer" : escaped(choice.answer()))
				.append("</a></li>\n");
		}
		return html.append("</ul>\n<p>").append(escaped(footer(delivery))).append("</p>\n</body></html>\n").toString();
	}

	private static String footer(FeedbackDelivery delivery) {
		return "Each link opens a page where you confirm your answer. The links work once, only for you, until "
				+ delivery.deadline() + ".";
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text).replace("\n", "<br>\n");
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
	}
}
