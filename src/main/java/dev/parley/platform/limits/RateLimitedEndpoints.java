package dev.parley.platform.limits;

import java.util.List;

import dev.parley.platform.SessionOnlyEndpoints.Endpoint;

/**
 * Routes whose every request takes a token of {@code policy}, keyed by the authenticated caller (the
 * user id) or by the client address. Modules declare beans of this type for their routes, as they
 * declare {@link dev.parley.platform.PublicEndpoints}; the platform takes the token before the
 * controller runs and adds the {@code RateLimit} fields to the answer, or refuses it with a 429.
 * Requests without an authenticated caller are not counted by a per-caller policy (they are refused
 * with 401 anyway).
 *
 * @param policy the limit
 * @param keyedBy whose bucket a request takes from
 * @param endpoints the method and path pattern of each route
 */
public record RateLimitedEndpoints(RateLimitPolicy policy, KeyedBy keyedBy, List<Endpoint> endpoints) {

	/** Whose bucket a request takes from. */
	public enum KeyedBy {

		/** The authenticated user (the authentication's name, the user id). */
		CALLER,

		/** The address the request came from. */
		CLIENT_ADDRESS

	}

	public static RateLimitedEndpoints perCaller(RateLimitPolicy policy, Endpoint... endpoints) {
		return new RateLimitedEndpoints(policy, KeyedBy.CALLER, List.of(endpoints));
	}

	public static RateLimitedEndpoints perClientAddress(RateLimitPolicy policy, Endpoint... endpoints) {
		return new RateLimitedEndpoints(policy, KeyedBy.CLIENT_ADDRESS, List.of(endpoints));
	}
}
