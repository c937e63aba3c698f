package dev.parley.platform.flags;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins read and change the rules of the flags; a change reaches every node within seconds. */
@RestController
@RequestMapping("/api/v1/admin/flags")
@Tag(name = "Feature flags")
class FlagAdminController {

	static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

	static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

	static final int MAX_USERS = 1000;

	private final FlagStore store;

	FlagAdminController(FlagStore store) {
		this.store = store;
	}

	@GetMapping
	@Operation(summary = "Every flag, built-in or created, with its rule (admins; one page)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	CursorPage<FlagResponse> list(Authentication authentication) {
		requireAdmin(authentication);
		return new CursorPage<>(store.all().stream().map(this::response).toList(), null);
	}

	@GetMapping("/{key}")
	@Operation(summary = "One flag's rule (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	FlagResponse get(Authentication authentication, @PathVariable String key) {
		requireAdmin(authentication);
		return response(store.find(key).orElseThrow(() -> new FlagNotFound(key)));
	}

	@PutMapping("/{key}")
	@Operation(summary = "Store a flag's rule, creating the flag when it is new (admins)",
			description = "enabled is required; rollout_percent (0–100) defaults to 100, roles and users to none. "
					+ "Off is off for everyone; listed users and roles always get an enabled flag; everyone else "
					+ "gets it when their sticky bucket (SHA-256 of key and user id, modulo 100) is below rollout_percent.")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	FlagResponse put(Authentication authentication, @PathVariable String key, @RequestBody PutFlagRequest request) {
		Caller caller = requireAdmin(authentication);
		FieldChecks checks = new FieldChecks();
		if (!KEY.matcher(key).matches()) {
			checks.refuse("key", "must be 1–64 of a-z, 0-9, '_', '.', '-', starting with a letter or digit");
		}
		if (request.enabled() == null) {
			checks.refuse("enabled", "is required");
		}
		int rollout = request.rolloutPercent() == null ? 100 : request.rolloutPercent();
		if (rollout < 0 || rollout > 100) {
			checks.refuse("rollout_percent", "must be between 0 and 100");
		}
		List<String> roles = request.roles() == null ? List.of() : request.roles();
		for (int i = 0; i < roles.size(); i++) {
			if (roles.get(i) == null || !ROLE.matcher(roles.get(i)).matches()) {
				checks.refuse("roles[" + i + "]", "must be a role's name such as admin or user");
			}
		}
		List<UUID> users = request.users() == null ? List.of() : request.users();
		if (users.size() > MAX_USERS) {
			checks.refuse("users", "must list at most " + MAX_USERS + " users; use a rollout or a role for more");
		}
		for (int i = 0; i < users.size(); i++) {
			if (users.get(i) == null) {
				checks.refuse("users[" + i + "]", "must be a user's id");
			}
		}
		String description = request.description() == null || request.description().isBlank() ? null
				: request.description().trim();
		if (description != null && description.length() > 500) {
			checks.refuse("description", "must be at most 500 characters");
		}
		checks.throwIfAny();
		return response(store.put(key, request.enabled(), rollout, new LinkedHashSet<>(roles),
				new LinkedHashSet<>(users), description, uuidOrNull(caller.id())));
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a created flag, or reset a built-in one to its default (admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin")
	void delete(Authentication authentication, @PathVariable String key) {
		requireAdmin(authentication);
		if (!store.delete(key)) {
			throw new FlagNotFound(key);
		}
	}

	private static Caller requireAdmin(Authentication authentication) {
		Caller caller = Caller.of(authentication);
		if (!caller.admin()) {
			throw new AdminOnly("Only admins may manage feature flags.");
		}
		return caller;
	}

	private static @Nullable UUID uuidOrNull(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private FlagResponse response(FlagRule rule) {
		return new FlagResponse(rule.key(), rule.enabled(), rule.rolloutPercent(), Set.copyOf(rule.roles()).stream().sorted().toList(),
				rule.users().stream().sorted().toList(), rule.description(), store.builtIn(rule.key()),
				store.defaultOf(rule.key()), rule.stored() ? "stored" : "default", rule.updatedAt());
	}

	/**
	 * @param enabled the kill switch (required)
	 * @param rolloutPercent the share of users who get it, 0–100 (default 100)
	 * @param roles roles that always get it
	 * @param users user ids that always get it
	 * @param description what the flag is for
	 */
	record PutFlagRequest(@Nullable Boolean enabled, @Nullable Integer rolloutPercent, @Nullable List<String> roles,
			@Nullable List<UUID> users, @Nullable String description) {
	}

	/**
	 * @param builtIn whether the flag is one of the server's own (deleting it resets it to its default)
	 * @param defaultEnabled a built-in flag's default from the settings
	 * @param source {@code stored} (an admin's rule) or {@code default} (the settings')
	 */
	record FlagResponse(String key, boolean enabled, int rolloutPercent, List<String> roles, List<UUID> users,
			@Nullable String description, boolean builtIn, @Nullable Boolean defaultEnabled, String source,
			@Nullable Instant updatedAt) {
	}
}
