package dev.parley.catalog.newsletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages the links in the newsletter's mails open. A GET only shows a form: link scanners and
 * mail previews, which follow links, confirm and unsubscribe nothing. The form's POST does it.
 * {@code POST /newsletter/unsubscribe?token=…} with {@code List-Unsubscribe=One-Click} is also the
 * RFC 8058 one-click unsubscribe a mail client sends.
 */
@Controller
@Tag(name = "Newsletter")
class NewsletterPages {

	private final Newsletter newsletter;

	NewsletterPages(Newsletter newsletter) {
		this.newsletter = newsletter;
	}

	@GetMapping(path = "/newsletter/confirm", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The confirmation page of a mailed link: a form whose button confirms (a GET confirms nothing)")
	ResponseEntity<String> confirmPage(@RequestParam(required = false) @Nullable String token) {
		return form("Confirm your subscription", "Press the button to receive our newsletter.", "/newsletter/confirm",
				token, "Confirm my subscription");
	}

	@PostMapping(path = "/newsletter/confirm", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "Confirm a subscription (the confirmation page's form)")
	ResponseEntity<String> confirm(@RequestParam(required = false) @Nullable String token, HttpServletRequest http) {
		if (token == null || token.isBlank()) {
			return invalid();
		}
		try {
			newsletter.confirm(token.trim(), NewsletterController.origin(http));
		}
		catch (InvalidNewsletterToken ex) {
			return invalid();
		}
		return page(HttpStatus.OK, "Subscribed", "<p>Thank you: your subscription is confirmed.</p>");
	}

	@GetMapping(path = "/newsletter/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The unsubscribe page of a mailed link: a form whose button unsubscribes")
	ResponseEntity<String> unsubscribePage(@RequestParam(required = false) @Nullable String token) {
		return form("Unsubscribe", "Press the button to stop receiving our newsletter.", "/newsletter/unsubscribe", token,
				"Unsubscribe");
	}

	@PostMapping(path = "/newsletter/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "Unsubscribe: the unsubscribe page's form, or a mail client's RFC 8058 one-click POST "
			+ "(List-Unsubscribe=One-Click) to the List-Unsubscribe URL")
	ResponseEntity<String> unsubscribe(@RequestParam(required = false) @Nullable String token, HttpServletRequest http) {
		if (token == null || token.isBlank()) {
			return invalid();
		}
		try {
			newsletter.unsubscribe(token.trim(), null, NewsletterController.origin(http));
		}
		catch (InvalidNewsletterToken ex) {
			return invalid();
		}
		return page(HttpStatus.OK, "Unsubscribed", "<p>You will receive no more newsletters from us.</p>");
	}

	private static ResponseEntity<String> form(String title, String text, String action, @Nullable String token,
			String button) {
		if (token == null || token.isBlank()) {
			return invalid();
		}
		return page(HttpStatus.OK, title, """
				<p>%s</p>
				<form method="post" action="%s">
				  <input type="hidden" name="token" value="%s">
				  <button type="submit">%s</button>
				</form>""".formatted(text, action, HtmlUtils.htmlEscape(token.trim()), button));
	}

	private static ResponseEntity<String> invalid() {
		return page(HttpStatus.BAD_REQUEST, "Link not valid",
				"<p>This link is invalid, expired or already used. Subscribe again to get a new one.</p>");
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
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store")
			.header("Referrer-Policy", "no-referrer")
			.body(html);
	}
}
