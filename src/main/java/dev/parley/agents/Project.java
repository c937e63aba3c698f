package dev.parley.agents;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A folder of a user's chats and agents, with a name and an optional description. */
@Table("projects")
public class Project {

	@Id
	private final UUID id;

	private final UUID userId;

	private String name;

	private @Nullable String description;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	Project(UUID id, UUID userId, String name, @Nullable String description, Instant createdAt, Instant updatedAt,
			@Nullable Long version) {
		this.id = id;
		this.userId = userId;
		this.name = name;
		this.description = description;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Project create(UUID userId, String name, @Nullable String description, Instant now) {
		return new Project(Ids.next(), userId, name, description, now, now, null);
	}

	void rename(String name, Instant now) {
		this.name = name;
		this.updatedAt = now;
	}

	void describe(@Nullable String description, Instant now) {
		this.description = description;
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public UUID userId() {
		return userId;
	}

	public String name() {
		return name;
	}

	public @Nullable String description() {
		return description;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}
}
