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
 * Turns the bearer value of a request into an {@link AuthenticatedUser}: a valid access token whose
 * session (refresh-token family) has not been revoked. Refresh tokens are opaque random values and
 * never verify as access tokens.
 */
@Component
class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private final AuthenticationManager accessTokenAuthentication;

	BearerAuthentication(AccessTokens accessTokens, Sessions sessions) {
		this.accessTokenAuthentication = authentication -> authenticate(accessTokens, sessions,
				(BearerTokenAuthenticationToken) authentication);
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		return accessTokenAuthentication;
	}

	private static Authentication authenticate(AccessTokens accessTokens, Sessions sessions,
			BearerTokenAuthenticationToken bearer) {
		Jwt jwt;
		try {
			jwt = accessTokens.verify(bearer.getToken());
		}
		catch (JwtException ex) {
			throw new InvalidBearerTokenException("Invalid access token", ex);
		}
		AuthenticatedUser user = toUser(jwt);
		if (!sessions.isActive(user.sessionId())) {
			throw new InvalidBearerTokenException("The session of this access token has ended");
		}
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
