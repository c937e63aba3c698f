package dev.parley.identity;

import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.SessionOnlyEndpoints;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: its principal is the {@link AuthenticatedUser}. Its authorities are the
 * user's role and, for an access token of a login session (not for an API key),
 * {@link SessionOnlyEndpoints#AUTHORITY}, which the account-security routes require.
 */
class AuthenticatedUserToken extends AbstractAuthenticationToken {

	private final AuthenticatedUser user;

	private final @Nullable ApiKeyLimits keyLimits;

	AuthenticatedUserToken(AuthenticatedUser user) {
		this(user, null);
	}

	AuthenticatedUserToken(AuthenticatedUser user, @Nullable ApiKeyLimits keyLimits) {
		super(authorities(user));
		this.user = user;
		this.keyLimits = keyLimits;
		setAuthenticated(true);
	}

	/** The limits of the API key the request was made with; {@code null} for an access token. */
	@Nullable ApiKeyLimits keyLimits() {
		return keyLimits;
	}

	private static List<GrantedAuthority> authorities(AuthenticatedUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		if (!user.viaApiKey()) {
			authorities.add(new SimpleGrantedAuthority(SessionOnlyEndpoints.AUTHORITY));
		}
		return authorities;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public AuthenticatedUser getPrincipal() {
		return user;
	}
}
