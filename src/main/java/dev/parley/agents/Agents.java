package dev.parley.agents;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.parley.conversations.ChatPlacement;
import dev.parley.platform.Cursor;
import dev.parley.platform.CursorPage;
import dev.parley.platform.PageLimit;
import dev.parley.platform.Timestamps;
import dev.parley.identity.AuthenticatedUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's agents. Another user's agent fails with {@link AgentNotFound} exactly as an unknown id
 * does; every change is checked whole by {@link AgentInput}.
 */
@Service
public class Agents {

	private final AgentRepository agents;

	private final AgentInput input;

	private final ChatPlacement chats;

	private final Clock clock;

	Agents(AgentRepository agents, AgentInput input, ChatPlacement chats, Clock clock) {
		this.agents = agents;
		this.input = input;
		this.chats = chats;
		this.clock = clock;
	}

	@Transactional
	Agent create(AuthenticatedUser caller, AgentInput.Draft draft) {
		return agents.save(Agent.create(caller.id(), input.create(caller, draft), clock.instant()));
	}

	public Agent get(UUID agentId, UUID userId) {
		return agents.findOwned(agentId, userId).orElseThrow(AgentNotFound::new);
	}

	/** The user's agent, or one an admin published with a shared cache, which every user may run. */
	Agent runnable(UUID agentId, UUID userId) {
		return agents.findOwned(agentId, userId).or(() -> agents.findShared(agentId)).orElseThrow(AgentNotFound::new);
	}

	public CursorPage<Agent> list(UUID userId, @Nullable Cursor cursor, int limit) {
		int size = PageLimit.clamp(limit);
		List<Agent> rows = cursor == null ? agents.firstPage(userId, size + 1)
				: agents.pageAfter(userId, Timestamps.sql(cursor.at()), cursor.id(), size + 1);
		return CursorPage.of(rows, size, agent -> new Cursor(agent.createdAt(), agent.id()).encode());
	}

	@Transactional
	Agent update(UUID agentId, AuthenticatedUser caller, AgentInput.Draft draft) {
		Agent agent = get(agentId, caller.id());
		agent.change(input.change(caller, agent, draft), clock.instant());
		return agents.save(agent);
	}

	/**
	 * Deletes an agent; chats that ran it become plain chats. Refused with
	 * {@link AgentStillDelegatedTo} while another agent delegates to it.
	 */
	@Transactional
	public void delete(UUID agentId, UUID userId) {
		get(agentId, userId);
		if (agents.isDelegatedTo(userId, AgentSettings.AGENT_TOOL_PREFIX + agentId)) {
			throw new AgentStillDelegatedTo();
		}
		chats.detachAgent(userId, agentId);
		agents.deleteOwned(agentId, userId);
	}
}
