package dev.parley.conversations;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a user's chats belong: the project (folder) and the agent of each. The module that owns
 * projects and agents ({@code agents}) asks here before it deletes one.
 */
@Service
public class ChatPlacement {

	private final JdbcClient jdbc;

	private final Chats chats;

	ChatPlacement(JdbcClient jdbc, Chats chats) {
		this.jdbc = jdbc;
		this.chats = chats;
	}

	/** How many of the user's chats are in this project. */
	public long countInProject(UUID userId, UUID projectId) {
		return jdbc.sql("select count(*) from chats where user_id = :userId and project_id = :projectId")
			.param("userId", userId)
			.param("projectId", projectId)
			.query(Long.class)
			.single();
	}

	/** Deletes the user's chats in this project, each as {@link Chats#delete} does. */
	@Transactional
	public void deleteAllInProject(UUID userId, UUID projectId) {
		List<UUID> ids = jdbc.sql("select id from chats where user_id = :userId and project_id = :projectId")
			.param("userId", userId)
			.param("projectId", projectId)
			.query(UUID.class)
			.list();
		ids.forEach(id -> chats.delete(id, userId));
	}

	/** The user's chats that ran this agent become plain chats. */
	@Transactional
	public void detachAgent(UUID userId, UUID agentId) {
		jdbc.sql("update chats set agent_id = null, version = version + 1 where user_id = :userId and agent_id = :agentId")
			.param("userId", userId)
			.param("agentId", agentId)
			.update();
	}
}
