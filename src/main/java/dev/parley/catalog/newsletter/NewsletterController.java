package dev.parley.catalog.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.parley.catalog.newsletter.Newsletter.Origin;
import dev.parley.platform.FieldChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The newsletter's API: subscribe (double opt-in), unsubscribe, erase; the consent ledger for admins. */
@RestController
@Tag(name = "Newsletter", description = "Double opt-in subscriptions, one-click unsubscribe, the consent ledger")
class NewsletterController {

	private final Newsletter newsletter;

	private final SubscribeThrottle throttle;

	private final NewsletterProperties properties;

	NewsletterController(Newsletter newsletter, SubscribeThrottle throttle, NewsletterProperties properties) {
		this.newsletter = newsletter;
		this.throttle = throttle;
		this.properties = properties;
	}

	@PostMapping("/api/v1/newsletter/subscribe")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ask for a subscription: a confirmation link is mailed (no account needed)",
			description = "Always 202 with the same body, whether or not the address is subscribed already; "
					+ "nothing is subscribed until the link's page is confirmed. Throttled per client address and per email.")
	@ApiResponse(responseCode = "429", description = "Too many requests from this address or for this email")
	AcceptedResponse subscribe(@RequestBody SubscribeRequest request, HttpServletRequest http) {
		FieldChecks checks = new FieldChecks();
		String email = SubscriptionInput.email(checks, request.email());
		List<String> lists = SubscriptionInput.lists(checks, request.lists(), properties.lists());
		String version = SubscriptionInput.consentTextVersion(checks, request.consentTextVersion());
		checks.throwIfAny();
		throttle.take(http.getRemoteAddr(), email);
		newsletter.subscribe(email, lists, version, origin(http));
		return new AcceptedResponse("If the address can receive mail, a confirmation link is on its way.");
	}

	@PostMapping("/api/v1/newsletter/unsubscribe")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unsubscribe with the token of an unsubscribe link (and, optionally, the email it was sent to)")
	void unsubscribe(@RequestBody TokenRequest request, HttpServletRequest http) {
		newsletter.unsubscribe(token(request.token()), normalised(request.email()), origin(http));
	}

	@PostMapping("/api/v1/newsletter/erase")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Erase everything kept about your address (subscription and consent ledger), with an unsubscribe link's token")
	void erase(@RequestBody TokenRequest request) {
		newsletter.eraseWithToken(token(request.token()));
	}

	@GetMapping("/api/v1/admin/newsletter/consents")
	@Operation(summary = "Export the consent ledger of one address, oldest first, and its subscription state (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	SubjectResponse consents(Authentication authentication, @RequestParam String email) {
		requireAdmin(authentication);
		Newsletter.Subject subject = newsletter.subject(normalisedRequired(email));
		return new SubjectResponse(subject.email(), subject.status(),
				subject.consents().stream().map(ConsentResponse::from).toList());
	}

	@DeleteMapping("/api/v1/admin/newsletter/consents")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Erase one address's subscription, tokens and consent ledger (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	void eraseSubject(Authentication authentication, @RequestParam String email) {
		requireAdmin(authentication);
		newsletter.erase(normalisedRequired(email));
	}

	static Origin origin(HttpServletRequest http) {
		String agent = http.getHeader(HttpHeaders.USER_AGENT);
		return new Origin(http.getRemoteAddr(), agent == null ? null : agent.substring(0, Math.min(agent.length(), 512)));
	}

	private static String token(@Nullable String token) {
		if (token == null || token.isBlank()) {
			FieldChecks checks = new FieldChecks();
			checks.refuse("token", "is required");
			checks.throwIfAny();
		}
		return token.trim();
	}

	private static @Nullable String normalised(@Nullable String email) {
		return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
	}

	private static String normalisedRequired(String email) {
		FieldChecks checks = new FieldChecks();
		String checked = SubscriptionInput.email(checks, email);
		checks.throwIfAny();
		return checked;
	}

	private static void requireAdmin(Authentication authentication) {
		boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
		if (!admin) {
			throw new NewsletterAdminOnly();
		}
	}

	/**
	 * @param email the address to subscribe
	 * @param lists the lists to subscribe to (default: the server's first list)
	 * @param consentTextVersion the version of the consent wording the person was shown and agreed to
	 */
	record SubscribeRequest(@Nullable String email, @Nullable List<String> lists, @Nullable String consentTextVersion) {
	}

	record AcceptedResponse(String detail) {
	}

	/** @param email when given, the address the token must have been sent to */
	record TokenRequest(@Nullable String token, @Nullable String email) {
	}

	/** @param status {@code pending}, {@code confirmed}, {@code unsubscribed}, or none when nothing is kept */
	record SubjectResponse(String email, @Nullable String status, List<ConsentResponse> consents) {
	}

	/** @param action {@code subscribe_requested}, {@code confirmed} or {@code unsubscribed} */
	record ConsentResponse(String action, List<String> lists, @Nullable String consentTextVersion,
			@Nullable String clientAddress, @Nullable String userAgent, Instant occurredAt) {

		static ConsentResponse from(Newsletter.Consent consent) {
			return new ConsentResponse(consent.action(), consent.lists(), consent.consentTextVersion(),
					consent.clientAddress(), consent.userAgent(), consent.occurredAt());
		}
	}
}
