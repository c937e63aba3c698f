package dev.parley.feedback.email;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages the links of feedback mails open, public (the signed token is the proof). A GET shows
 * the question and a form and decides nothing, so that mail scanners and previews, which follow
 * links, answer nothing; the form's POST answers. Minimal server-rendered HTML without scripts or
 * styles, under a Content-Security-Policy that allows nothing but posting the form back here.
 * The token travels in the query and the form, never in the path, which the access log records.
 */
@Controller
@Tag(name = "Feedback")
class EmailFeedbackPages {

	static final String PATH = "/feedback/email";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	private final EmailAnswers answers;

	EmailFeedbackPages(EmailAnswers answers) {
		this.answers = answers;
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The confirmation page of a feedback mail's link: the question and a form (a GET answers nothing)")
	ResponseEntity<String> confirmationPage(@RequestParam(required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable AuthenticatedUser caller) {
		if (token == null || token.isBlank()) {
			return refusal(EmailAnswers.Outcome.INVALID);
		}
		EmailAnswers.Check check = answers.open(token.trim(), id(caller));
		EmailLinks.Link link = check.link();
		return check.outcome() == EmailAnswers.Outcome.OPEN && link != null ? form(HttpStatus.OK, token.trim(), link, null)
				: refusal(check.outcome());
	}

	@PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "Answer a feedback request with a mailed link (the confirmation page's form)")
	ResponseEntity<String> answer(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String answer,
			@AuthenticationPrincipal @Nullable AuthenticatedUser caller) {
		if (token == null || token.isBlank()) {
			return refusal(EmailAnswers.Outcome.INVALID);
		}
		EmailAnswers.Check check = answers.answer(token.trim(), answer, id(caller));
		EmailLinks.Link link = check.link();
		if (check.outcome() == EmailAnswers.Outcome.ANSWER_REQUIRED && link != null) {
			return form(HttpStatus.BAD_REQUEST, token.trim(), link, "Write an answer of at most "
					+ EmailAnswers.MAX_ANSWER_LENGTH + " characters.");
		}
		if (check.outcome() == EmailAnswers.Outcome.ANSWERED && link != null) {
			return page(HttpStatus.OK, "Thank you", "<p>Your answer was recorded:</p>\n<blockquote>"
					+ escaped(link.answer() != null ? link.answer() : answer == null ? "" : answer.strip()) + "</blockquote>");
		}
		return refusal(check.outcome());
	}

	private static ResponseEntity<String> form(HttpStatus status, String token, EmailLinks.Link link,
			@Nullable String problem) {
		String field = link.answer() == null
				? "<p><label for=\"answer\">Your answer</label></p>\n<p><textarea id=\"answer\" name=\"answer\" rows=\"6\" cols=\"60\" maxlength=\""
						+ EmailAnswers.MAX_ANSWER_LENGTH + "\" required></textarea></p>\n"
				: "<p>Your answer: <strong>" + escaped(link.answer()) + "</strong></p>\n";
		String button = link.answer() == null ? "Send my answer" : "Answer \u201c" + escaped(link.answer()) + "\u201d";
		return page(status, "Your answer is needed", (problem == null ? "" : "<p><strong>" + escaped(problem) + "</strong></p>\n")
				+ "<p>" + escaped(link.question()) + "</p>\n<form method=\"post\" action=\"" + PATH + "\">\n"
				+ "<input type=\"hidden\" name=\"token\" value=\"" + HtmlUtils.htmlEscape(token) + "\">\n" + field
				+ "<p><button type=\"submit\">" + button + "</button></p>\n</form>");
	}

	private static ResponseEntity<String> refusal(EmailAnswers.Outcome outcome) {
		return switch (outcome) {
			case USED -> page(HttpStatus.CONFLICT, "Link already used", "<p>This link was used already; it works once.</p>");
			case DECIDED -> page(HttpStatus.CONFLICT, "Already answered",
					"<p>This request was answered already (or its deadline passed); your answer was not applied.</p>");
			case EXPIRED -> page(HttpStatus.GONE, "Link expired", "<p>This link expired with its request's deadline.</p>");
			case ADDRESS_CHANGED -> page(HttpStatus.GONE, "Link no longer valid",
					"<p>This link was sent to an address that no longer receives this account's requests.</p>");
			case NOT_YOURS -> page(HttpStatus.NOT_FOUND, "Not found",
					"<p>There is no such request for the account you are signed in with.</p>");
			case REQUEST_GONE -> page(HttpStatus.NOT_FOUND, "Not found", "<p>This request does not exist any more.</p>");
			case NOT_AN_OPTION -> page(HttpStatus.BAD_REQUEST, "Not an option",
					"<p>This answer is not one of the request's options any more.</p>");
			default -> page(HttpStatus.BAD_REQUEST, "Link not valid",
					"<p>This link is not valid. Open it from the mail exactly as it was sent.</p>");
		};
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>
				<body><h1>%s</h1>
				%s
				</body></html>
				""".formatted(title, title, body);
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store")
			.header("Referrer-Policy", "no-referrer")
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.body(html);
	}

	private static String escaped(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static @Nullable UUID id(@Nullable AuthenticatedUser caller) {
		return caller == null ? null : caller.id();
	}
}
