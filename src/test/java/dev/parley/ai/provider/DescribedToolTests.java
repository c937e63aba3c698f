package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.parley.ai.ToolDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tool.ToolCallback;

/** The tools the Spring AI adapters hand to their chat models: described, never run. */
class DescribedToolTests {

	@Test
	void theToolsHandedToSpringAiOnlyDescribeAndRefuseToRun() {
		ToolCallback tool = DescribedTool.all(List.of(new ToolDefinition("bare", "", ""))).getFirst();

		assertThat(tool.getToolDefinition().name()).isEqualTo("bare");
		assertThat(tool.getToolDefinition().description()).as("Spring AI wants a description").isEqualTo("bare");
		assertThat(tool.getToolDefinition().inputSchema()).contains("\"object\"");
		assertThatThrownBy(() -> tool.call("{}")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("run by Parley");
	}
}
