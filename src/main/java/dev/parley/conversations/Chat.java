package dev.parley.conversations;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A conversation of one user: its title, the model and system prompt it talks with, and whether it
 * is archived or bookmarked. Its messages are aggregates of their own; the chat only keeps their
 * count and the time of the last one, which SQL maintains as messages come and go (so saving a chat
 * never overwrites them). It may belong to a project and be run by an agent (both owned by the
 * module {@code agents}).
 */
@Table("chats")
public class Chat {

	@Id
	private final UUID id;

	private final UUID userId;

	private @Nullable String title;

	private @Nullable String model;

	private @Nullable String systemPrompt;

	private boolean archived;

	private boolean bookmarked;

	private @Nullable UUID agentId;

	private @Nullable UUID projectId;

	@ReadOnlyProperty
	private final int messageCount;

	@ReadOnlyProperty
	private final @Nullable Instant lastMessageAt;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	Chat(UUID id, UUID userId, @Nullable String title, @Nullable String model, @Nullable String systemPrompt,
			boolean archived, boolean bookmarked, @Nullable UUID agentId, @Nullable UUID projectId, int messageCount,
			@Nullable Instant lastMessageAt, Instant createdAt, Instant updatedAt, @Nullable Long version) {
		this.id = id;
		this.userId = userId;
		this.title = title;
		this.model = model;
		this.systemPrompt = systemPrompt;
		this.archived = archived;
		this.bookmarked = bookmarked;
		this.agentId = agentId;
		this.projectId = projectId;
		this.messageCount = messageCount;
		this.lastMessageAt = lastMessageAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Chat start(UUID userId, @Nullable String title, @Nullable String model, @Nullable String systemPrompt,
			Instant now) {
		return new Chat(Ids.next(), userId, blankToNull(title), blankToNull(model), blankToNull(systemPrompt), false,
				false, null, null, 0, null, now, now, null);
	}

	/** Applies the changes that are given; a blank title, model or system prompt clears it. */
	void change(ChatChanges changes, Instant now) {
		if (changes.title() != null) {
			this.title = blankToNull(changes.title());
		}
		if (changes.model() != null) {
			this.model = blankToNull(changes.model());
		}
		if (changes.systemPrompt() != null) {
			this.systemPrompt = blankToNull(changes.systemPrompt());
		}
		if (changes.archived() != null) {
			this.archived = changes.archived();
		}
		if (changes.bookmarked() != null) {
			this.bookmarked = changes.bookmarked();
		}
		this.updatedAt = now;
	}

	/** The agent that runs its turns and the project it is in; {@code null} for none. */
	void place(@Nullable UUID agentId, @Nullable UUID projectId, Instant now) {
		this.agentId = agentId;
		this.projectId = projectId;
		this.updatedAt = now;
	}

	void archive(boolean archived, Instant now) {
		this.archived = archived;
		this.updatedAt = now;
	}

	void bookmark(boolean bookmarked, Instant now) {
		this.bookmarked = bookmarked;
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public UUID userId() {
		return userId;
	}

	public @Nullable String title() {
		return title;
	}

	public @Nullable String model() {
		return model;
	}

	public @Nullable String systemPrompt() {
		return systemPrompt;
	}

	public boolean archived() {
		return archived;
	}

	public boolean bookmarked() {
		return bookmarked;
	}

	/** The agent that runs this chat's turns; {@code null} for a plain chat with a model. */
	public @Nullable UUID agentId() {
		return agentId;
	}

	/** The project (a folder) this chat belongs to; {@code null} for none. */
	public @Nullable UUID projectId() {
		return projectId;
	}

	public int messageCount() {
		return messageCount;
	}

	/** When the newest message was written; {@code null} while the chat has none. */
	public @Nullable Instant lastMessageAt() {
		return lastMessageAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	/** What lists are ordered by: the last message's time, or the creation time of an empty chat. */
	Instant activityAt() {
		return lastMessageAt != null ? lastMessageAt : createdAt;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
