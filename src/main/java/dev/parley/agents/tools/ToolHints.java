package dev.parley.agents.tools;

/**
 * What a tool may do (MCP's tool annotations). A destructive or open-world tool asks a person
 * before it runs unless its agent's policy says otherwise; the hints never relax a policy an agent
 * sets.
 *
 * @param readOnly it changes nothing
 * @param destructive it may delete or overwrite
 * @param openWorld it reaches beyond Parley (the web, a third party)
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean openWorld) {

	public static final ToolHints READ_ONLY = new ToolHints(true, false, false);

	/** Whether a person should approve a call unless the agent's policy says otherwise. */
	public boolean asksByDefault() {
		return destructive || openWorld;
	}
}
