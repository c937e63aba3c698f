package dev.parley.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: its principal is the {@link AuthenticatedUser}. */
class AuthenticatedUserToken extends AbstractAuthenticationToken {

	private final AuthenticatedUser user;

	AuthenticatedUserToken(AuthenticatedUser user) {
		super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
		this.user = user;
		setAuthenticated(true);
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
