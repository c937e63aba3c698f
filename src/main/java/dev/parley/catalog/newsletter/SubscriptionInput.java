package dev.parley.catalog.newsletter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.parley.platform.FieldChecks;
import org.jspecify.annotations.Nullable;

/** The rules of a subscription request's fields, each refused with its name. */
final class SubscriptionInput {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]{1,64}@[^@\\s\\p{Cntrl}<>,;\"]+\\.[^@\\s\\p{Cntrl}<>,;\".]{2,}");

	private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private SubscriptionInput() {
	}

	/** The address as stored: trimmed, lower case; {@code null} (refused in {@code checks}) when it is no address. */
	static @Nullable String email(FieldChecks checks, @Nullable String email) {
		String trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
		if (trimmed.isEmpty()) {
			checks.refuse("email", "is required");
			return null;
		}
		if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
			checks.refuse("email", "must be an email address");
			return null;
		}
		return trimmed;
	}

	static List<String> lists(FieldChecks checks, @Nullable List<String> requested, List<String> offered) {
		if (requested == null) {
			return List.of(offered.getFirst());
		}
		if (requested.isEmpty()) {
			checks.refuse("lists", "must name at least one list (or be left out for " + offered.getFirst() + ")");
		}
		for (int i = 0; i < requested.size(); i++) {
			if (requested.get(i) == null || !offered.contains(requested.get(i))) {
				checks.refuse("lists[" + i + "]", "must be one of " + String.join(", ", offered));
			}
		}
		return List.copyOf(new LinkedHashSet<>(requested));
	}

	static @Nullable String consentTextVersion(FieldChecks checks, @Nullable String version) {
		if (version == null || version.isBlank()) {
			checks.refuse("consent_text_version", "is required: the version of the wording the person agreed to");
			return null;
		}
		if (!VERSION.matcher(version).matches()) {
			checks.refuse("consent_text_version", "must be 1–64 of A-Z, a-z, 0-9, '.', '_', '-'");
			return null;
		}
		return version;
	}
}
