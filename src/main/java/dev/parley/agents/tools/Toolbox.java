package dev.parley.agents.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every tool a user may give an agent, from every {@link ToolSource}. */
@Component
public class Toolbox {

	private final List<ToolSource> sources;

	Toolbox(ObjectProvider<ToolSource> sources) {
		this.sources = sources.orderedStream().toList();
	}

	/** The tools this user may use, by name. */
	public List<Tool> available(UUID userId) {
		List<Tool> tools = new ArrayList<>();
		for (ToolSource source : sources) {
			tools.addAll(source.toolsFor(userId));
		}
		return tools;
	}

	/** The tool of this name, if this user may use it. */
	public Optional<Tool> find(UUID userId, String name) {
		return available(userId).stream().filter(tool -> tool.name().equals(name)).findFirst();
	}
}
