package dev.parley.platform.flags;

import java.util.List;
import java.util.Optional;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import org.jspecify.annotations.Nullable;

/**
 * Parley's flag store as an OpenFeature provider. Flags are booleans; the evaluation context's
 * targeting key is the caller's id and its {@code roles} attribute (a list of strings) the caller's
 * roles. An unknown flag answers {@code FLAG_NOT_FOUND} and any other type {@code TYPE_MISMATCH},
 * so the SDK hands back the caller's default.
 */
class ParleyFlagProvider implements FeatureProvider {

	static final String ROLES = "roles";

	private final FlagStore store;

	ParleyFlagProvider(FlagStore store) {
		this.store = store;
	}

	@Override
	public Metadata getMetadata() {
		return () -> "parley";
	}

	@Override
	public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext context) {
		Optional<FlagRule> rule = store.find(key);
		if (rule.isEmpty()) {
			return ProviderEvaluation.<Boolean>builder()
				.value(defaultValue)
				.reason("ERROR")
				.errorCode(ErrorCode.FLAG_NOT_FOUND)
				.errorMessage("No flag is called " + key + ".")
				.build();
		}
		FlagRule.Evaluation evaluation = rule.get().evaluate(targetingKey(context), roles(context));
		return ProviderEvaluation.<Boolean>builder()
			.value(evaluation.value())
			.variant(evaluation.variant())
			.reason(evaluation.reason())
			.build();
	}

	private static @Nullable String targetingKey(@Nullable EvaluationContext context) {
		String key = context == null ? null : context.getTargetingKey();
		return key == null || key.isBlank() ? null : key;
	}

	private static List<String> roles(@Nullable EvaluationContext context) {
		Value roles = context == null ? null : context.getValue(ROLES);
		if (roles == null || !roles.isList()) {
			return List.of();
		}
		return roles.asList().stream().filter(Value::isString).map(Value::asString).toList();
	}

	@Override
	public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext context) {
		return mismatch(defaultValue);
	}

	@Override
	public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext context) {
		return mismatch(defaultValue);
	}

	@Override
	public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext context) {
		return mismatch(defaultValue);
	}

	@Override
	public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext context) {
		return mismatch(defaultValue);
	}

	private static <T> ProviderEvaluation<T> mismatch(T defaultValue) {
		return ProviderEvaluation.<T>builder()
			.value(defaultValue)
			.reason("ERROR")
			.errorCode(ErrorCode.TYPE_MISMATCH)
			.errorMessage("Parley's flags are booleans.")
			.build();
	}
}
