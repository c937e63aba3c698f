package dev.parley.analytics;

import java.util.UUID;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;

/** Whose numbers a report shows: users see their own; admins anyone's, or everyone's when they name no one. */
final class ReportSubject {

	private ReportSubject() {
	}

	/** @return the user to report on, or {@code null} for everyone (admins only) */
	static @Nullable UUID of(AuthenticatedUser caller, @Nullable UUID requested) {
		if (caller.isAdmin()) {
			return requested;
		}
		if (requested != null && !requested.equals(caller.id())) {
			throw InvalidFields.of("user_id", "only admins may see another user's numbers");
		}
		return caller.id();
	}
}
