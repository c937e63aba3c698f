package dev.parley.agents.tools.code;

import java.util.List;
import java.util.UUID;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolSource;
import org.springframework.stereotype.Component;

/** Offers {@code run_code} to every user. */
@Component
class CodeToolSource implements ToolSource {

	private final RunCodeTool runCode;

	CodeToolSource(RunCodeTool runCode) {
		this.runCode = runCode;
	}

	@Override
	public List<Tool> toolsFor(UUID userId) {
		return List.of(runCode);
	}
}
