package dev.parley.platform;

import java.util.List;

/**
 * Paths a module serves without authentication (login, register ...). Modules declare a bean of
 * this type; the platform's security filter chain lets these through and guards everything else.
 */
public record PublicEndpoints(List<String> patterns) {

	public static PublicEndpoints of(String... patterns) {
		return new PublicEndpoints(List.of(patterns));
	}
}
