package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.Ids;
import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An account: who someone is (email, username, name), how they log in, and what they may do. */
@Table("users")
class User {

	@Id
	private final UUID id;

	private final String email;

	private @Nullable String username;

	private @Nullable String name;

	private String passwordHash;

	private final Role role;

	private JsonDocument preferences;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	User(UUID id, String email, @Nullable String username, @Nullable String name, String passwordHash, Role role,
			JsonDocument preferences, Instant createdAt, Instant updatedAt, @Nullable Long version) {
		this.id = id;
		this.email = email;
		this.username = username;
		this.name = name;
		this.passwordHash = passwordHash;
		this.role = role;
		this.preferences = preferences;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static User register(String email, @Nullable String username, @Nullable String name, String passwordHash, Role role, Instant now) {
		return new User(Ids.next(), email, username, name, passwordHash, role, JsonDocument.empty(), now, now, null);
	}

	void updateProfile(@Nullable String name, @Nullable String username, @Nullable JsonDocument preferences,
			Instant now) {
		if (name != null) {
			this.name = name;
		}
		if (username != null) {
			this.username = username;
		}
		if (preferences != null) {
			this.preferences = preferences;
		}
		this.updatedAt = now;
	}

	void changePasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	UUID id() {
		return id;
	}

	String email() {
		return email;
	}

	@Nullable String username() {
		return username;
	}

	@Nullable String name() {
		return name;
	}

	String passwordHash() {
		return passwordHash;
	}

	Role role() {
		return role;
	}

	JsonDocument preferences() {
		return preferences;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}
}
