package dev.parley.identity;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns the bearer value of a request into an {@link AuthenticatedUser}, in one of two ways:
 * <ul>
 * <li>a value starting with {@code pk_} is a Parley API key: it must be known (by its SHA-256),
 * neither expired nor revoked, and authenticates its owner with the account's current role;</li>
 * <li>anything else must be a valid access token whose session (refresh-token family) has not been
 * revoked; it authenticates with the account's current role. Refresh tokens are opaque random values
 * and never verify as access tokens.</li>
 * </ul>
 * What the database says about sessions and keys is read through the {@link CredentialCache}: at most
 * once a second per node, so revocations hold everywhere within a second.
 * API keys are accepted on the OpenAI-compatible {@code /v1/**} and the REST API {@code /api/v1/**}
 * alike, as OpenAI's own keys are: a script may chat, generate and read what its owner can. The
 * routes that secure the account (password, profile changes, sessions, API keys, where provider
 * keys are sent) need a login session: they are {@link dev.parley.platform.SessionOnlyEndpoints},
 * and only an access token's authentication carries the authority they require.
 */
@Component
class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private final AuthenticationManager bearerAuthentication;

	BearerAuthentication(AccessTokens accessTokens, Sessions sessions, ApiKeys apiKeys) {
		this.bearerAuthentication = authentication -> {
			String bearer = ((BearerTokenAuthenticationToken) authentication).getToken();
			return ApiKeys.looksLikeKey(bearer) ? authenticateApiKey(apiKeys, bearer)
					: authenticateAccessToken(accessTokens, sessions, bearer);
		};
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return bearerAuthentication;
	}

	private static Authentication authenticateApiKey(ApiKeys apiKeys, String key) {
		return apiKeys.authenticate(key)
			.map(owner -> new AuthenticatedUserToken(AuthenticatedUser.withApiKey(owner.userId(), owner.role(),
					owner.keyId()), owner.limits()))
			.orElseThrow(() -> new InvalidBearerTokenException("The API key is invalid, expired or revoked"));
	}

	private static Authentication authenticateAccessToken(AccessTokens accessTokens, Sessions sessions, String token) {
		Jwt jwt;
		try {
			jwt = accessTokens.verify(token);
		}
		catch (JwtException ex) {
			throw new InvalidBearerTokenException("Invalid access token", ex);
		}
		AuthenticatedUser claimed = toUser(jwt);
		// The role is the account's now, not the token's: a changed role holds within the cache's TTL.
		AuthenticatedUser user = sessions.activeSession(claimed.sessionId())
			.filter(session -> session.userId().equals(claimed.id()))
			.map(session -> new AuthenticatedUser(claimed.id(), session.role(), claimed.sessionId()))
			.orElseThrow(() -> new InvalidBearerTokenException("The session of this access token has ended"));
		return new AuthenticatedUserToken(user);
	}

	private static AuthenticatedUser toUser(Jwt jwt) {
		try {
			UUID userId = UUID.fromString(jwt.getSubject());
			UUID sessionId = UUID.fromString(jwt.getClaimAsString(AccessTokens.SESSION_CLAIM));
			Role role = Role.valueOf(jwt.getClaimAsString(AccessTokens.ROLE_CLAIM).toUpperCase(Locale.ROOT));
			return new AuthenticatedUser(userId, role, sessionId);
		}
		catch (RuntimeException ex) {
			throw new InvalidBearerTokenException("Malformed access token claims", ex);
		}
	}
}
