package dev.parley.identity;

import java.util.List;
import java.util.regex.Pattern;

import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;

/**
 * The limit fields of a request that creates or changes an API key. An absent field keeps what the
 * key has (nothing, for a new key); {@code 0} clears a number and {@code []} clears {@code models}
 * (back to the server's default parallelism, no rpm or tpm, every model). Every invalid field is
 * reported at once ({@link InvalidFields}).
 */
record ApiKeyLimitChanges(@Nullable Integer maxParallelRequests, @Nullable Integer rpm, @Nullable Integer tpm,
		@Nullable List<@Nullable String> models) {

	static final int MAX_MODELS = 100;

	private static final Pattern MODEL = Pattern.compile("\\S{1,200}");

	/** The key's limits with these changes. @throws InvalidFields naming every invalid field */
	ApiKeyLimits applyTo(ApiKeyLimits current) {
		FieldChecks checks = new FieldChecks();
		Integer parallel = number(checks, "max_parallel_requests", maxParallelRequests, current.maxParallelRequests());
		Integer perMinute = number(checks, "rpm", rpm, current.rpm());
		Integer tokens = number(checks, "tpm", tpm, current.tpm());
		List<String> allowed = current.models();
		if (models != null) {
			if (models.size() > MAX_MODELS) {
				checks.refuse("models", "must list at most " + MAX_MODELS + " models");
			}
			else if (models.stream().anyMatch(model -> model == null || !MODEL.matcher(model).matches())) {
				checks.refuse("models", "must be model ids (provider/model, or provider/* for all of a provider's)");
			}
			allowed = models.isEmpty() ? null : models.stream().map(String::valueOf).distinct().toList();
		}
		checks.throwIfAny();
		return new ApiKeyLimits(current.keyId(), parallel, perMinute, tokens, allowed);
	}

	private static @Nullable Integer number(FieldChecks checks, String field, @Nullable Integer requested,
			@Nullable Integer current) {
		if (requested == null) {
			return current;
		}
		if (requested < 0) {
			checks.refuse(field, "must be a positive number, or 0 for no limit");
			return current;
		}
		return requested == 0 ? null : requested;
	}
}
