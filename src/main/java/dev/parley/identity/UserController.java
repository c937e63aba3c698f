package dev.parley.identity;

import dev.parley.platform.JsonDocument;
import dev.parley.platform.MaxJsonSize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me")
@Tag(name = "Users", description = "The authenticated user's profile and password")
class UserController {

	private final Accounts accounts;

	private final Sessions sessions;

	private final AccountErasure erasure;

	UserController(Accounts accounts, Sessions sessions, AccountErasure erasure) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.erasure = erasure;
	}

	@GetMapping
	@Operation(summary = "Your profile")
	UserResponse profile(@AuthenticationPrincipal AuthenticatedUser caller) {
		return UserResponse.from(accounts.get(caller.id()));
	}

	@PatchMapping
	@Operation(summary = "Change your name, username or preferences (absent fields stay as they are)")
	UserResponse update(@AuthenticationPrincipal AuthenticatedUser caller,
			@Valid @RequestBody UpdateProfileRequest request) {
		return UserResponse.from(accounts.updateProfile(caller.id(), request.name(), request.username(),
				request.preferences()));
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change your password; every other session is logged out")
	void changePassword(@AuthenticationPrincipal AuthenticatedUser caller,
			@Valid @RequestBody ChangePasswordRequest request) {
		accounts.changePassword(caller.id(), request.currentPassword(), request.newPassword());
		sessions.closeAllExcept(caller.id(), caller.sessionId(), "password changed");
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Erase your account and everything it owns (with your password); every token and key stops working",
			description = "Chats, messages, files, runs, agents, keys, usage records, events, webhooks and the newsletter "
					+ "consent ledger of your email go; only anonymised usage totals per day and model stay.")
	void erase(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody EraseRequest request) {
		erasure.eraseOwn(caller.id(), request.password());
	}

	record EraseRequest(@NotNull String password) {
	}

	record UpdateProfileRequest(@Size(max = 100) @Nullable String name,
			@Pattern(regexp = UsernameRule.PATTERN, message = UsernameRule.MESSAGE) @Nullable String username,
			@MaxJsonSize(bytes = MAX_PREFERENCES_BYTES) @Nullable JsonDocument preferences) {

		/** Preferences are settings, not storage: 16 KiB of JSON at most. */
		static final int MAX_PREFERENCES_BYTES = 16 * 1024;
	}

	record ChangePasswordRequest(@NotNull String currentPassword, @NotNull @AcceptablePassword String newPassword) {
	}
}
