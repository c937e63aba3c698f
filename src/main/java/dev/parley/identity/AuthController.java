package dev.parley.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.platform.InvalidFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
@Tag(name = "Auth", description = "Registration, login, token refresh and logout. A browser client may send "
		+ "`X-Parley-Refresh-Cookie: true` to get the refresh token as an httpOnly cookie (`parley_refresh`, path "
		+ "/api/v1/auth) instead of in the body, and to refresh or log out with that cookie.")
class AuthController {

	private final Accounts accounts;

	private final Sessions sessions;

	private final RefreshCookies cookies;

	AuthController(Accounts accounts, Sessions sessions, RefreshCookies cookies) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.cookies = cookies;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Create an account and log in")
	@ApiResponse(responseCode = "403", description = "Registration is closed on this server")
	@ApiResponse(responseCode = "409", description = "The email or username is taken")
	@ApiResponse(responseCode = "503", description = "The server is busy hashing passwords; try again shortly")
	TokenResponse register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		User user = accounts.register(request.email(), request.password(), request.name(), request.username());
		return answer(sessions.open(user), http, response);
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SecurityRequirements
	@Operation(summary = "Log in with email or username and password")
	@ApiResponse(responseCode = "401", description = "The email, username or password is wrong")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or address (Retry-After)")
	@ApiResponse(responseCode = "503", description = "The server is busy hashing passwords; try again shortly")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		return logIn(request.login(), request.password(), http, response);
	}

	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@SecurityRequirements
	@Operation(summary = "Log in with the OAuth2 password form (username may be an email)")
	@ApiResponse(responseCode = "401", description = "The email, username or password is wrong")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or address (Retry-After)")
	@ApiResponse(responseCode = "503", description = "The server is busy hashing passwords; try again shortly")
	TokenResponse loginForm(@RequestParam String username, @RequestParam String password, HttpServletRequest http,
			HttpServletResponse response) {
		return logIn(username, password, http, response);
	}

	@PostMapping("/refresh")
	@SecurityRequirements
	@Operation(summary = "Exchange a refresh token (the body's, or with X-Parley-Refresh-Cookie the cookie's) "
			+ "for a new token pair (the old one stops working)")
	@ApiResponse(responseCode = "401", description = "The refresh token is invalid, expired, revoked or reused")
	TokenResponse refresh(@Valid @RequestBody(required = false) @Nullable RefreshRequest request,
			HttpServletRequest http, HttpServletResponse response) {
		String token = request != null ? request.refreshToken() : cookies.token(http);
		if (token == null) {
			if (cookies.wanted(http)) {
				cookies.clear(http, response);
				throw new RefreshTokenInvalid();
			}
			throw InvalidFields.of("refresh_token", "must not be blank");
		}
		try {
			return answer(sessions.refresh(token), http, response);
		}
		catch (RefreshTokenInvalid | RefreshTokenReused ex) {
			if (cookies.wanted(http)) {
				cookies.clear(http, response);
			}
			throw ex;
		}
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End this session (and the one of the given refresh token, or with "
			+ "X-Parley-Refresh-Cookie of the cookie's, whose cookies are cleared)")
	void logout(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody(required = false) @Nullable LogoutRequest request,
			HttpServletRequest http, HttpServletResponse response) {
		String token = request != null && request.refreshToken() != null ? request.refreshToken() : cookies.token(http);
		sessions.close(caller, token);
		if (cookies.wanted(http)) {
			cookies.clear(http, response);
		}
	}

	@GetMapping("/me")
	@Operation(summary = "The authenticated user")
	UserResponse me(@AuthenticationPrincipal AuthenticatedUser caller) {
		return UserResponse.from(accounts.get(caller.id()));
	}

	private TokenResponse logIn(@Nullable String login, String password, HttpServletRequest http,
			HttpServletResponse response) {
		User user = accounts.authenticate(login, password, http.getRemoteAddr());
		return answer(sessions.open(user), http, response);
	}

	/** The tokens in the body, or with the refresh token in its cookie when the client asked for that. */
	private TokenResponse answer(TokenPair pair, HttpServletRequest http, HttpServletResponse response) {
		if (!cookies.wanted(http)) {
			return TokenResponse.from(pair);
		}
		cookies.write(http, response, pair.refreshToken());
		return TokenResponse.withoutRefreshToken(pair);
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

	/** {@code refresh_token} is absent when it went out as the cookie. */
	record TokenResponse(String accessToken, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String refreshToken,
			String tokenType, long expiresIn, UserResponse user) {

		static TokenResponse from(TokenPair pair) {
			return new TokenResponse(pair.accessToken(), pair.refreshToken(), "bearer", pair.expiresInSeconds(),
					UserResponse.from(pair.user()));
		}

		static TokenResponse withoutRefreshToken(TokenPair pair) {
			return new TokenResponse(pair.accessToken(), null, "bearer", pair.expiresInSeconds(),
					UserResponse.from(pair.user()));
		}
	}
}
