package dev.parley.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs every field check of one request before answering, so that a client hears about all of its
 * invalid fields at once rather than one per attempt. A check is any code that fails with a
 * {@link ParleyException} naming fields; other failures pass through untouched.
 *
 * <pre>{@code
 * FieldChecks checks = new FieldChecks();
 * String name = checks.check(() -> input.provider(provider));
 * String key = checks.check(() -> input.apiKey(apiKey));
 * checks.throwIfAny();
 * }</pre>
 */
public final class FieldChecks {

	private final Map<String, String> failures = new LinkedHashMap<>();

	/** The checked value, or {@code null} when the check failed (its fields are kept for the answer). */
	public <T> @Nullable T check(Supplier<T> check) {
		try {
			return check.get();
		}
		catch (ParleyException ex) {
			if (ex.invalidFields().isEmpty()) {
				throw ex;
			}
			ex.invalidFields().forEach(failures::putIfAbsent);
			return null;
		}
	}

	/** Records a field that a rule of the caller's own refuses. */
	public void refuse(String field, String reason) {
		failures.putIfAbsent(field, reason);
	}

	/** @throws InvalidFields naming every field that failed so far */
	public void throwIfAny() {
		if (!failures.isEmpty()) {
			throw new InvalidFields(failures);
		}
	}
}
