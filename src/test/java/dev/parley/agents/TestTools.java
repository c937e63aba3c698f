package dev.parley.agents;

import java.util.List;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolInvocation;
import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.ToolSource;
import dev.parley.ai.ToolDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Two tools every user may give an agent in these tests: {@code lookup} and {@code remember}. */
@TestConfiguration(proxyBeanMethods = false)
class TestTools {

	@Bean
	ToolSource testToolSource() {
		return userId -> List.of(tool("lookup"), tool("remember"));
	}

	private static Tool tool(String name) {
		return new Tool() {

			@Override
			public ToolDefinition definition() {
				return new ToolDefinition(name, "A test tool", "{\"type\":\"object\"}");
			}

			@Override
			public ToolResult execute(ToolInvocation invocation) {
				return ToolResult.ok(name + " ran");
			}
		};
	}
}
