package dev.parley.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Routes that only a person at a login may call: they change how the account is secured (password,
 * API keys, sessions, where the user's provider keys are sent), so a credential handed to a program
 * must not reach them. Modules declare beans of this type; the platform's security filter chain
 * lets a request to them through only when its authentication holds {@link #AUTHORITY}, and answers
 * every other authenticated caller with a 403 problem. The rule is an allow-list on the
 * credential, not a deny-list: a kind of credential added later is refused here until it is
 * deliberately granted the authority.
 *
 * @param endpoints the method and path pattern of each route
 */
public record SessionOnlyEndpoints(List<Endpoint> endpoints) {

	/** The authority of a request authenticated by a login session (an access token). */
	public static final String AUTHORITY = "LOGIN_SESSION";

	public static SessionOnlyEndpoints of(Endpoint... endpoints) {
		return new SessionOnlyEndpoints(List.of(endpoints));
	}

	/**
	 * @param method the HTTP method; {@code null} for every method
	 * @param pattern a Spring path pattern such as {@code /api/v1/api-keys/**}
	 */
	public record Endpoint(@Nullable HttpMethod method, String pattern) {

		/** The route {@code pattern} with any method. */
		public static Endpoint any(String pattern) {
			return new Endpoint(null, pattern);
		}

		public static Endpoint post(String pattern) {
			return new Endpoint(HttpMethod.POST, pattern);
		}

		public static Endpoint patch(String pattern) {
			return new Endpoint(HttpMethod.PATCH, pattern);
		}

		public static Endpoint delete(String pattern) {
			return new Endpoint(HttpMethod.DELETE, pattern);
		}
	}
}
