package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;

/** A user as the API shows it: never the password hash. */
record UserResponse(UUID id, String email, @Nullable String username, @Nullable String name, Role role, JsonDocument preferences,
		Instant createdAt, Instant updatedAt) {

	static UserResponse from(User user) {
		return new UserResponse(user.id(), user.email(), user.username(), user.name(), user.role(), user.preferences(),
				user.createdAt(), user.updatedAt());
	}
}
