package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.JsonDocument;

/** A user as the API shows it: never the password hash. */
record UserResponse(UUID id, String email, String username, String name, Role role, JsonDocument preferences,
		Instant createdAt, Instant updatedAt) {

	static UserResponse from(User user) {
		return new UserResponse(user.id(), user.email(), user.username(), user.name(), user.role(), user.preferences(),
				user.createdAt(), user.updatedAt());
	}
}
