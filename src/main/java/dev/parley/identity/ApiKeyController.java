package dev.parley.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Long-lived keys for scripts and OpenAI-compatible clients (/v1)")
class ApiKeyController {

	private final ApiKeys apiKeys;

	ApiKeyController(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API key; the key is in this response only, store it now")
	CreatedApiKeyResponse create(@AuthenticationPrincipal AuthenticatedUser caller,
			@Valid @RequestBody CreateApiKeyRequest request) {
		return CreatedApiKeyResponse.from(apiKeys.create(caller, request.name(), request.expiresAt(), request.limits()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your API keys that is not revoked (without the key itself)")
	ApiKeyResponse get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		return ApiKeyResponse.from(apiKeys.get(caller, id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename an API key or change its limits: absent fields stay as they are, 0 clears a "
			+ "number, [] clears models; requests with the key see the change within a second")
	ApiKeyResponse update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id,
			@Valid @RequestBody UpdateApiKeyRequest request) {
		return ApiKeyResponse.from(apiKeys.update(caller, id, request.name(), request.limits()));
	}

	@GetMapping
	@Operation(summary = "Your API keys that are not revoked, newest first (without the keys themselves)")
	CursorPage<ApiKeyResponse> list(@AuthenticationPrincipal AuthenticatedUser caller,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return apiKeys.list(caller, limit, cursor).map(ApiKeyResponse::from);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API key; requests with it fail from now on")
	void revoke(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
		apiKeys.revoke(caller, id);
	}

	/**
	 * {@code expires_at} is an ISO-8601 time in the future; absent, the key does not expire. The limits
	 * are optional: {@code max_parallel_requests} (default {@code PARLEY_API_KEY_MAX_PARALLEL_REQUESTS}),
	 * {@code rpm}, {@code tpm} (none by default) and {@code models} (every model by default).
	 */
	record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name,
			@Future(message = ApiKeyExpiryInPast.MESSAGE) @Nullable Instant expiresAt,
			@Nullable Integer maxParallelRequests, @Nullable Integer rpm, @Nullable Integer tpm,
			@Nullable List<@Nullable String> models) {

		ApiKeyLimitChanges limits() {
			return new ApiKeyLimitChanges(maxParallelRequests, rpm, tpm, models);
		}
	}

	/** Absent fields stay as they are; {@code 0} clears a number, {@code []} clears {@code models}. */
	record UpdateApiKeyRequest(@Nullable @Size(min = 1, max = 100) String name, @Nullable Integer maxParallelRequests,
			@Nullable Integer rpm, @Nullable Integer tpm, @Nullable List<@Nullable String> models) {

		ApiKeyLimitChanges limits() {
			return new ApiKeyLimitChanges(maxParallelRequests, rpm, tpm, models);
		}
	}

	record CreatedApiKeyResponse(UUID id, String name, String prefix, String key, Instant createdAt,
			@Nullable Instant expiresAt, @Nullable Integer maxParallelRequests, @Nullable Integer rpm,
			@Nullable Integer tpm, @Nullable List<String> models) {

		static CreatedApiKeyResponse from(NewApiKey created) {
			ApiKey key = created.key();
			ApiKeyLimits limits = key.limits();
			return new CreatedApiKeyResponse(key.id(), key.name(), key.prefix(), created.secret(), key.createdAt(),
					key.expiresAt(), limits.maxParallelRequests(), limits.rpm(), limits.tpm(), limits.models());
		}

		@Override
		public String toString() {
			return "CreatedApiKeyResponse[id=" + id + ", prefix=" + prefix + ", key=***]";
		}
	}

	/** A key; a limit that is {@code null} is the server's default (parallel requests) or none. */
	record ApiKeyResponse(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
			@Nullable Instant lastUsedAt, @Nullable Integer maxParallelRequests, @Nullable Integer rpm,
			@Nullable Integer tpm, @Nullable List<String> models) {

		static ApiKeyResponse from(ApiKey key) {
			ApiKeyLimits limits = key.limits();
			return new ApiKeyResponse(key.id(), key.name(), key.prefix(), key.createdAt(), key.expiresAt(),
					key.lastUsedAt(), limits.maxParallelRequests(), limits.rpm(), limits.tpm(), limits.models());
		}
	}
}
