package dev.parley.ai.credentials;

import java.time.Instant;
import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "Integrations", description = "Your own provider keys: stored encrypted, never shown again")
class IntegrationController {

	private final Integrations integrations;

	private final KeyCheck keyCheck;

	IntegrationController(Integrations integrations, KeyCheck keyCheck) {
		this.integrations = integrations;
		this.keyCheck = keyCheck;
	}

	@GetMapping
	@Operation(summary = "Your provider keys, by provider (one page: there is at most one per provider)")
	CursorPage<IntegrationResponse> list(@AuthenticationPrincipal AuthenticatedUser caller) {
		return new CursorPage<>(integrations.list(caller.id()).stream().map(IntegrationResponse::from).toList(), null);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Store your key for a provider; your calls to it then use this key")
	IntegrationResponse add(@AuthenticationPrincipal AuthenticatedUser caller,
			@Valid @RequestBody CreateIntegrationRequest request) {
		return IntegrationResponse.from(integrations.add(caller.id(), request.provider(), request.apiKey(),
				request.baseUrl(), request.label()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your provider keys (only its last four characters)")
	IntegrationResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return IntegrationResponse.from(integrations.get(id, caller.id()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Replace the key, label or base URL (absent fields stay; a blank label or base URL is cleared)",
			description = "A new base URL needs the key in the same request (400 on api_key otherwise): "
					+ "a stored key is never sent to an endpoint other than the one it was stored with. "
					+ "The provider cannot be changed.")
	IntegrationResponse change(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody UpdateIntegrationRequest request) {
		return IntegrationResponse.from(integrations.change(id, caller.id(), request.toChanges()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a provider key; your calls use the server's key again, if it lends one")
	void remove(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		integrations.remove(id, caller.id());
	}

	@PostMapping("/{id}/test")
	@Operation(summary = "Check the key with a one-token call to the provider; the outcome is kept")
	TestResponse test(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		Integration integration = integrations.get(id, caller.id());
		KeyCheck.Outcome outcome = keyCheck.check(integration.provider(), integrations.credential(integration));
		Integration tested = integrations.recordTest(integration, outcome.ok());
		return new TestResponse(outcome.ok(), outcome.reason(), tested.lastTestedAt());
	}

	/** Checked by {@link IntegrationInput}, every field at once (so no bean constraints here). */
	record CreateIntegrationRequest(@Nullable String provider, @Nullable String apiKey, @Nullable String baseUrl,
			@Nullable String label) {

		@Override
		public String toString() {
			return "CreateIntegrationRequest[provider=" + provider + ", apiKey=***, baseUrl=" + baseUrl + ", label="
					+ label + "]";
		}
	}

	/** Checked by {@link IntegrationInput} and {@link Integrations}, every field at once (so no bean constraints here). */
	record UpdateIntegrationRequest(@Nullable String apiKey, @Nullable String baseUrl, @Nullable String label,
			@Nullable String provider) {

		IntegrationChanges toChanges() {
			return new IntegrationChanges(apiKey, label, baseUrl, provider);
		}

		@Override
		public String toString() {
			return "UpdateIntegrationRequest[apiKey=" + (apiKey == null ? null : "***") + ", baseUrl=" + baseUrl
					+ ", label=" + label + ", provider=" + provider + "]";
		}
	}

	record IntegrationResponse(UUID id, String provider, @Nullable String label, @Nullable String baseUrl,
			@Nullable String apiKeyLast4, Instant createdAt, Instant updatedAt, @Nullable Instant lastTestedAt,
			@Nullable Boolean lastTestOk) {

		static IntegrationResponse from(Integration integration) {
			return new IntegrationResponse(integration.id(), integration.provider(), integration.label(),
					integration.baseUrl(), integration.keyLast4(), integration.createdAt(), integration.updatedAt(),
					integration.lastTestedAt(), integration.lastTestOk());
		}
	}

	/**
	 * @param ok whether the provider took the key
	 * @param reason why not, in words safe to show; {@code null} when it did
	 * @param testedAt when the check ran
	 */
	record TestResponse(boolean ok, @Nullable String reason, @Nullable Instant testedAt) {
	}
}
