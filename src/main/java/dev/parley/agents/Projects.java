package dev.parley.agents;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.parley.conversations.ChatPlacement;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.FieldChecks;
import dev.parley.platform.InvalidFields;
import dev.parley.platform.PageLimit;
import dev.parley.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's projects: folders that chats and agents may belong to. Another user's project fails
 * with {@link ProjectNotFound} exactly as an unknown id does.
 */
@Service
public class Projects {

	static final int MAX_NAME = 100;

	static final int MAX_DESCRIPTION = 2_000;

	private final ProjectRepository projects;

	private final AgentRepository agents;

	private final ChatPlacement chats;

	private final Clock clock;

	Projects(ProjectRepository projects, AgentRepository agents, ChatPlacement chats, Clock clock) {
		this.projects = projects;
		this.agents = agents;
		this.chats = chats;
		this.clock = clock;
	}

	@Transactional
	public Project create(UUID userId, @Nullable String name, @Nullable String description) {
		FieldChecks checks = new FieldChecks();
		String checkedName = checks.check(() -> name(name));
		String checkedDescription = checks.check(() -> description(description));
		checks.throwIfAny();
		return projects.save(Project.create(userId, checkedName, checkedDescription, clock.instant()));
	}

	public Project get(UUID projectId, UUID userId) {
		return projects.findOwned(projectId, userId).orElseThrow(ProjectNotFound::new);
	}

	/** Whether this project is the user's. */
	public boolean owns(UUID userId, UUID projectId) {
		return projects.existsOwned(projectId, userId);
	}

	public CursorPage<Project> list(UUID userId, @Nullable Cursor cursor, int limit) {
		int size = PageLimit.clamp(limit);
		List<Project> rows = cursor == null ? projects.firstPage(userId, size + 1)
				: projects.pageAfter(userId, Timestamps.sql(cursor.at()), cursor.id(), size + 1);
		return CursorPage.of(rows, size, project -> new Cursor(project.createdAt(), project.id()).encode());
	}

	/** Changes what is given: a {@code null} field stays as it is; a blank description is cleared. */
	@Transactional
	public Project update(UUID projectId, UUID userId, @Nullable String name, @Nullable String description) {
		Project project = get(projectId, userId);
		FieldChecks checks = new FieldChecks();
		String checkedName = name == null ? null : checks.check(() -> name(name));
		String checkedDescription = description == null ? null : checks.check(() -> description(description));
		checks.throwIfAny();
		if (checkedName != null) {
			project.rename(checkedName, clock.instant());
		}
		if (description != null) {
			project.describe(checkedDescription, clock.instant());
		}
		return projects.save(project);
	}

	/**
	 * Deletes a project. One that still holds chats or agents is refused with {@link ProjectNotEmpty},
	 * unless {@code cascade}: its chats (with their messages) and agents are then deleted with it.
	 */
	@Transactional
	public void delete(UUID projectId, UUID userId, boolean cascade) {
		get(projectId, userId);
		long chatCount = chats.countInProject(userId, projectId);
		long agentCount = agents.countInProject(projectId);
		if (!cascade && (chatCount > 0 || agentCount > 0)) {
			throw new ProjectNotEmpty(chatCount, agentCount);
		}
		if (cascade) {
			chats.deleteAllInProject(userId, projectId);
			for (UUID agentId : agents.idsInProject(projectId)) {
				chats.detachAgent(userId, agentId);
			}
			agents.deleteInProject(projectId);
		}
		projects.deleteOwned(projectId, userId);
	}

	private static String name(@Nullable String name) {
		String text = name == null ? "" : name.strip();
		if (text.isEmpty() || text.length() > MAX_NAME) {
			throw InvalidFields.of("name", "must be 1 to " + MAX_NAME + " characters");
		}
		return text;
	}

	private static @Nullable String description(@Nullable String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		if (description.length() > MAX_DESCRIPTION) {
			throw InvalidFields.of("description", "must be at most " + MAX_DESCRIPTION + " characters");
		}
		return description.strip();
	}
}
