package dev.parley.identity;

import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.SessionOnlyEndpoints;
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

	AuthenticatedUserToken(AuthenticatedUser user) {
		super(authorities(user));
		this.user = user;
		setAuthenticated(true);
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
