package dev.parley.agents.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every tool a user may give an agent, from every {@link ToolSource}, and the one way to call one. */
@Component
public class Toolbox {

	private static final Logger log = LoggerFactory.getLogger(Toolbox.class);

	private final List<ToolSource> sources;

	Toolbox(List<ToolSource> sources) {
		this.sources = List.copyOf(sources);
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

	/**
	 * Calls the user's tool of this name with the arguments the model wrote: they are checked
	 * against the tool's schema first ({@link ToolArguments}), and an unknown tool, bad arguments or
	 * a tool that throws all come back as a failed result for the model, never as an exception.
	 * Approval policies are the caller's business; this only runs the tool.
	 */
	public ToolResult call(UUID userId, String callId, String name, @Nullable String argumentsText, Instant deadline) {
		Optional<Tool> found = find(userId, name);
		if (found.isEmpty()) {
			return ToolResult.failed("there is no tool named " + name);
		}
		return call(found.get(), userId, callId, argumentsText, deadline);
	}

	/** Calls this tool, as {@link #call(UUID, String, String, String, Instant)} does. */
	public static ToolResult call(Tool tool, UUID userId, String callId, @Nullable String argumentsText,
			Instant deadline) {
		return switch (ToolArguments.check(tool.definition(), argumentsText)) {
			case ToolArguments.Invalid invalid -> invalid.result();
			case ToolArguments.Valid valid -> {
				try {
					yield tool.execute(new ToolInvocation(userId, callId, valid.arguments(), deadline));
				}
				catch (RuntimeException ex) {
					// Its message may carry paths or secrets: the operator's log has it, the model does not.
					log.warn("Tool {} failed on call {}", tool.name(), callId, ex);
					yield ToolResult.failed("the tool " + tool.name() + " failed unexpectedly");
				}
			}
		};
	}
}
