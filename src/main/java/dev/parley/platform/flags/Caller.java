package dev.parley.platform.flags;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who asks, as the flags see it: the authentication's name is the user's id (the identity module's
 * principal) and its {@code ROLE_…} authorities are the user's roles, by their wire names.
 */
record Caller(String id, Set<String> roles) {

	static Caller of(Authentication authentication) {
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith("ROLE_"))
			.map(authority -> authority.substring("ROLE_".length()).toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(authentication.getName(), roles);
	}

	boolean admin() {
		return roles.contains("admin");
	}
}
