package dev.parley.agents.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.agents.tools.ToolHints;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.junit.jupiter.api.Test;

/** MCP's tool annotations become hints with MCP's defaults for what a server leaves out. */
class McpToolHintsTests {

	@Test
	void aToolWithoutAnnotationsIsTakenAsDestructiveAndOpenWorld() {
		assertThat(McpTool.hints(null)).isEqualTo(new ToolHints(false, true, true));
		assertThat(McpTool.hints(ToolAnnotations.builder().title("t").build())).isEqualTo(new ToolHints(false, true, true));
		assertThat(McpTool.hints(null).asksByDefault()).isTrue();
	}

	@Test
	void aReadOnlyToolIsNeverDestructiveButStaysOpenWorldUnlessItSaysOtherwise() {
		ToolHints readOnly = McpTool.hints(ToolAnnotations.builder().readOnlyHint(true).destructiveHint(true).build());
		ToolHints closed = McpTool.hints(ToolAnnotations.builder().readOnlyHint(true).openWorldHint(false).build());

		assertThat(readOnly).isEqualTo(new ToolHints(true, false, true));
		assertThat(readOnly.asksByDefault()).isTrue();
		assertThat(closed).isEqualTo(new ToolHints(true, false, false));
		assertThat(closed.asksByDefault()).isFalse();
	}

	@Test
	void aWritingToolThatSaysItIsNotDestructiveAndClosedWorldDoesNotAskByDefault() {
		ToolHints hints = McpTool.hints(ToolAnnotations.builder().destructiveHint(false).openWorldHint(false).build());

		assertThat(hints).isEqualTo(new ToolHints(false, false, false));
		assertThat(hints.asksByDefault()).isFalse();
	}
}
