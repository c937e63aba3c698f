package dev.parley.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth", description = "Registration, login, token refresh and logout")
class AuthController {

	private final Accounts accounts;

	private final Sessions sessions;

	AuthController(Accounts accounts, Sessions sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Create an account and log in")
	@ApiResponse(responseCode = "403", description = "Registration is closed on this server")
	@ApiResponse(responseCode = "409", description = "The email or username is taken")
	@ApiResponse(responseCode = "503", description = "The server is busy hashing passwords; try again shortly")
	TokenResponse register(@Valid @RequestBody RegisterRequest request) {
		User user = accounts.register(request.email(), request.password(), request.name(), request.username());
		return TokenResponse.from(sessions.open(user));
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SecurityRequirements
	@Operation(summary = "Log in with email or username and password")
	@ApiResponse(responseCode = "401", description = "The email, username or password is wrong")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or address (Retry-After)")
	@ApiResponse(responseCode = "503", description = "The server is busy hashing passwords; try again shortly")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return logIn(request.login(), request.password(), http);
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@SecurityRequirements
	@Operation(summary = "Log in with the OAuth2 password form (username may be an email)")
	@ApiResponse(responseCode = "401", description = "The email, username or password is wrong")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or address (Retry-After)")
	@ApiResponse(responseCode = "503", description = "The server is busy hashing passwords; try again shortly")
	TokenResponse loginForm(@RequestParam String username, @RequestParam String password, HttpServletRequest http) {
		return logIn(username, password, http);
	}

	@PostMapping("/refresh")
	@SecurityRequirements
	@Operation(summary = "Exchange a refresh token for a new token pair (the old one stops working)")
	@ApiResponse(responseCode = "401", description = "The refresh token is invalid, expired, revoked or reused")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return TokenResponse.from(sessions.refresh(request.refreshToken()));
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End this session (and the one of the given refresh token)")
	void logout(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody(required = false) @Nullable LogoutRequest request) {
		sessions.close(caller, request == null ? null : request.refreshToken());
	}

	@GetMapping("/me")
	@Operation(summary = "The authenticated user")
	UserResponse me(@AuthenticationPrincipal AuthenticatedUser caller) {
		return UserResponse.from(accounts.get(caller.id()));
	}

	private TokenResponse logIn(@Nullable String login, String password, HttpServletRequest http) {
		User user = accounts.authenticate(login, password, http.getRemoteAddr());
		return TokenResponse.from(sessions.open(user));
	}

	record RegisterRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull @AcceptablePassword String password,
			@Size(max = 100) @Nullable String name,
			@Pattern(regexp = UsernameRule.PATTERN, message = UsernameRule.MESSAGE) @Nullable String username) {
	}

	/** {@code email} or {@code username} names the account; either may hold an email or a username. */
	record LoginRequest(@Size(max = 254) @Nullable String email, @Size(max = 254) @Nullable String username,
			@NotNull String password) {

		@Nullable String login() {
			return email != null && !email.isBlank() ? email : username;
		}
	}

	record RefreshRequest(@NotBlank String refreshToken) {
	}

	record LogoutRequest(@Nullable String refreshToken) {
	}

	record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UserResponse user) {

		static TokenResponse from(TokenPair pair) {
			return new TokenResponse(pair.accessToken(), pair.refreshToken(), "bearer", pair.expiresInSeconds(),
					UserResponse.from(pair.user()));
		}
	}
}
