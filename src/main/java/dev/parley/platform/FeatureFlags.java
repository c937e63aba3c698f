package dev.parley.platform;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Whether a feature is on for a caller: the one question other modules ask of the feature flags
 * (evaluated through OpenFeature, with Parley's flag store as its provider). A flag that does not
 * exist is off. Flags change at run time (an admin's {@code PUT /api/v1/admin/flags/{key}}) and every
 * node sees a change within the store's refresh interval, so ask at the moment of use rather than
 * keeping the answer.
 */
public interface FeatureFlags {

	/** Whether anyone may register ({@code ENABLE_REGISTRATION} is its default). */
	String REGISTRATION = "registration";

	/** Model-assisted re-ranking and explanation of recommendations. */
	String ML_RECOMMENDATIONS = "ml_recommendations";

	/** Login with an external identity provider. */
	String SOCIAL_LOGIN = "social_login";

	/** Affiliate parameters on product redirects, and recording their clicks. */
	String AFFILIATE_TRACKING = "affiliate_tracking";

	/**
	 * @param key the flag's key
	 * @param userId the caller; {@code null} for an anonymous one, who is in a partial rollout never
	 * @param roles the caller's roles as their wire names ({@code admin}, {@code user})
	 */
	boolean enabled(String key, @Nullable UUID userId, Set<String> roles);

	/** For an anonymous caller (registration, a public page). */
	default boolean enabled(String key) {
		return enabled(key, null, Set.of());
	}
}
