package dev.parley.ai.quota;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import dev.parley.identity.AdminOnly;
import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Role;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins set quotas per user, per API key and per role (which applies to each user of the role on
 * their own). A change holds on this node at once and on every other within a second.
 */
@RestController
@RequestMapping("/api/v1/admin/quotas")
@Tag(name = "Quotas")
class QuotaAdminController {

	static final long MAX_TOKENS = 1_000_000_000_000_000L;

	static final BigDecimal MAX_USD = BigDecimal.valueOf(1_000_000_000L);

	static final long MAX_REQUESTS_PER_MINUTE = 1_000_000L;

	private final QuotaDefinitions definitions;

	QuotaAdminController(QuotaDefinitions definitions) {
		this.definitions = definitions;
	}

	@GetMapping
	@Operation(summary = "Every quota set (admins; one page)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	CursorPage<QuotaResponse> list(@AuthenticationPrincipal AuthenticatedUser caller) {
		requireAdmin(caller);
		return new CursorPage<>(definitions.list().stream().map(QuotaResponse::from).toList(), null);
	}

	@PutMapping("/users/{userId}")
	@Operation(summary = "Set a user's quota (admins)", description = QuotaRequest.DESCRIPTION)
	@ApiResponse(responseCode = "400", description = "A limit is missing, negative or too large")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	QuotaResponse putUser(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID userId,
			@RequestBody QuotaRequest request) {
		return put(caller, user(userId), request);
	}

	@GetMapping("/users/{userId}")
	@Operation(summary = "A user's quota (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	@ApiResponse(responseCode = "404", description = "No quota is set for this user")
	QuotaResponse getUser(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID userId) {
		return get(caller, user(userId));
	}

	@DeleteMapping("/users/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a user's quota (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	@ApiResponse(responseCode = "404", description = "No quota is set for this user")
	void deleteUser(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID userId) {
		delete(caller, user(userId));
	}

	@PutMapping("/api-keys/{keyId}")
	@Operation(summary = "Set an API key's quota (admins); it applies to requests made with that key",
			description = QuotaRequest.DESCRIPTION)
	@ApiResponse(responseCode = "400", description = "A limit is missing, negative or too large")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	QuotaResponse putApiKey(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID keyId,
			@RequestBody QuotaRequest request) {
		return put(caller, apiKey(keyId), request);
	}

	@GetMapping("/api-keys/{keyId}")
	@Operation(summary = "An API key's quota (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	@ApiResponse(responseCode = "404", description = "No quota is set for this key")
	QuotaResponse getApiKey(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID keyId) {
		return get(caller, apiKey(keyId));
	}

	@DeleteMapping("/api-keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an API key's quota (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	@ApiResponse(responseCode = "404", description = "No quota is set for this key")
	void deleteApiKey(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID keyId) {
		delete(caller, apiKey(keyId));
	}

	@PutMapping("/roles/{role}")
	@Operation(summary = "Set a role's quota (admins): each user of the role gets these limits on their own",
			description = QuotaRequest.DESCRIPTION)
	@ApiResponse(responseCode = "400", description = "A limit is missing, negative or too large")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	@ApiResponse(responseCode = "404", description = "There is no such role")
	QuotaResponse putRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String role,
			@RequestBody QuotaRequest request) {
		requireAdmin(caller);
		return put(caller, role(role), request);
	}

	@GetMapping("/roles/{role}")
	@Operation(summary = "A role's quota (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	@ApiResponse(responseCode = "404", description = "No quota is set for this role, or there is no such role")
	QuotaResponse getRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String role) {
		requireAdmin(caller);
		return get(caller, role(role));
	}

	@DeleteMapping("/roles/{role}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a role's quota (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	@ApiResponse(responseCode = "404", description = "No quota is set for this role, or there is no such role")
	void deleteRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String role) {
		requireAdmin(caller);
		delete(caller, role(role));
	}

	private QuotaResponse put(AuthenticatedUser caller, QuotaSubject subject, QuotaRequest request) {
		requireAdmin(caller);
		return QuotaResponse.from(definitions.put(subject, request.toLimits()));
	}

	private QuotaResponse get(AuthenticatedUser caller, QuotaSubject subject) {
		requireAdmin(caller);
		return definitions.find(subject).map(QuotaResponse::from).orElseThrow(() -> notSet(subject));
	}

	private void delete(AuthenticatedUser caller, QuotaSubject subject) {
		requireAdmin(caller);
		if (!definitions.delete(subject)) {
			throw notSet(subject);
		}
	}

	private static void requireAdmin(AuthenticatedUser caller) {
		AdminOnly.require(caller, "manage quotas");
	}

	private static QuotaNotFound notSet(QuotaSubject subject) {
		return new QuotaNotFound("No quota is set for this " + subject.type().wireName().replace('_', ' ') + ".");
	}

	private static QuotaSubject user(UUID id) {
		return new QuotaSubject(QuotaSubject.Type.USER, id.toString());
	}

	private static QuotaSubject apiKey(UUID id) {
		return new QuotaSubject(QuotaSubject.Type.API_KEY, id.toString());
	}

	private static QuotaSubject role(String name) {
		return Arrays.stream(Role.values())
			.filter(role -> role.wireName().equals(name.toLowerCase(Locale.ROOT)))
			.findFirst()
			.map(role -> new QuotaSubject(QuotaSubject.Type.ROLE, role.wireName()))
			.orElseThrow(() -> new QuotaNotFound("There is no such role."));
	}

	/**
	 * A quota's limits; an absent or null one is no limit, and at least one is required.
	 *
	 * @param tokensPerDay prompt and completion tokens per UTC day
	 * @param tokensPerMonth per UTC calendar month
	 * @param usdPerDay USD per UTC day (by the catalogue's prices), up to 6 decimals
	 * @param usdPerMonth USD per UTC calendar month
	 * @param requestsPerMinute generations started per UTC minute
	 */
	record QuotaRequest(@Nullable Long tokensPerDay, @Nullable Long tokensPerMonth, @Nullable BigDecimal usdPerDay,
			@Nullable BigDecimal usdPerMonth, @Nullable Long requestsPerMinute) {

		static final String DESCRIPTION = "Any of tokens_per_day, tokens_per_month, usd_per_day, usd_per_month "
				+ "(up to 6 decimals), requests_per_minute; an absent or null field is no limit, at least one is "
				+ "required. Replaces the subject's quota. Days and months are UTC calendar periods.";

		QuotaLimits toLimits() {
			FieldChecks checks = new FieldChecks();
			count(checks, "tokens_per_day", tokensPerDay, MAX_TOKENS);
			count(checks, "tokens_per_month", tokensPerMonth, MAX_TOKENS);
			usd(checks, "usd_per_day", usdPerDay);
			usd(checks, "usd_per_month", usdPerMonth);
			count(checks, "requests_per_minute", requestsPerMinute, MAX_REQUESTS_PER_MINUTE);
			if (tokensPerDay == null && tokensPerMonth == null && usdPerDay == null && usdPerMonth == null
					&& requestsPerMinute == null) {
				checks.refuse("tokens_per_day", "at least one limit is required (or DELETE the quota)");
			}
			checks.throwIfAny();
			return new QuotaLimits(tokensPerDay, tokensPerMonth, usdPerDay == null ? null : QuotaLimits.micros(usdPerDay),
					usdPerMonth == null ? null : QuotaLimits.micros(usdPerMonth), requestsPerMinute);
		}

		private static void count(FieldChecks checks, String field, @Nullable Long value, long max) {
			if (value != null && (value < 0 || value > max)) {
				checks.refuse(field, "must be between 0 and " + max);
			}
		}

		private static void usd(FieldChecks checks, String field, @Nullable BigDecimal value) {
			if (value == null) {
				return;
			}
			if (value.signum() < 0 || value.compareTo(MAX_USD) > 0) {
				checks.refuse(field, "must be between 0 and " + MAX_USD);
			}
			else if (value.stripTrailingZeros().scale() > 6) {
				checks.refuse(field, "must have at most 6 decimals");
			}
		}
	}

	/** A quota as set: its subject, its limits ({@code null} is none) and when it was last set. */
	record QuotaResponse(String subjectType, String subjectId, @Nullable Long tokensPerDay,
			@Nullable Long tokensPerMonth, @Nullable BigDecimal usdPerDay, @Nullable BigDecimal usdPerMonth,
			@Nullable Long requestsPerMinute, Instant updatedAt) {

		static QuotaResponse from(QuotaDefinitions.StoredQuota quota) {
			QuotaLimits limits = quota.limits();
			return new QuotaResponse(quota.subject().type().wireName(), quota.subject().id(), limits.tokensPerDay(),
					limits.tokensPerMonth(), QuotaLimits.usd(limits.usdMicrosPerDay()),
					QuotaLimits.usd(limits.usdMicrosPerMonth()), limits.requestsPerMinute(), quota.updatedAt());
		}
	}
}
