package dev.parley.platform.flags;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import dev.parley.platform.FeatureFlags;
import org.jspecify.annotations.Nullable;

/**
 * {@link FeatureFlags} through an OpenFeature client bound to {@link ParleyFlagProvider}: the
 * evaluation API Parley's own code and the OFREP endpoints share.
 */
class OpenFeatureFlags implements FeatureFlags {

	private final Client client;

	OpenFeatureFlags(Client client) {
		this.client = client;
	}

	@Override
	public boolean enabled(String key, @Nullable UUID userId, Set<String> roles) {
		return details(key, userId == null ? null : userId.toString(), roles).getValue();
	}

	/** The whole evaluation (value, variant, reason, error) for a targeting key and roles. */
	FlagEvaluationDetails<Boolean> details(String key, @Nullable String targetingKey, Collection<String> roles) {
		return client.getBooleanDetails(key, false, context(targetingKey, roles));
	}

	static EvaluationContext context(@Nullable String targetingKey, Collection<String> roles) {
		List<Value> roleValues = roles.stream().map(Value::new).toList();
		Map<String, Value> attributes = Map.of(ParleyFlagProvider.ROLES, new Value(roleValues));
		return targetingKey == null ? new ImmutableContext(attributes) : new ImmutableContext(targetingKey, attributes);
	}
}
