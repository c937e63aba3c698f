package dev.parley.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.parley.ai.ToolDefinition;
import org.junit.jupiter.api.Test;

/** A call goes to the caller's tool of that name, with checked arguments, and never throws. */
class ToolboxTests {

	private static final UUID ALICE = UUID.randomUUID();

	private static final UUID BOB = UUID.randomUUID();

	private final List<ToolInvocation> invocations = new ArrayList<>();

	private final Tool echo = tool("echo", invocation -> ToolResult.ok(invocation.arguments().get("text").asString()));

	private final Tool crashing = tool("crash", invocation -> {
		throw new IllegalStateException("secret at /srv/parley/keys: boom");
	});

	private final Toolbox toolbox = new Toolbox(List.of(user -> List.of(echo), user -> user.equals(ALICE)
			? List.of(crashing) : List.of()));

	@Test
	void runsTheToolWithItsParsedArguments() {
		ToolResult result = toolbox.call(ALICE, "call_1", "echo", "{\"text\": \"hi\"}", Instant.MAX);

		assertThat(result.ok()).isTrue();
		assertThat(result.content()).isEqualTo("hi");
		assertThat(invocations).singleElement().satisfies(invocation -> {
			assertThat(invocation.userId()).isEqualTo(ALICE);
			assertThat(invocation.callId()).isEqualTo("call_1");
		});
	}

	@Test
	void badArgumentsNeverReachTheTool() {
		ToolResult result = toolbox.call(ALICE, "call_1", "echo", "{\"text\": 3}", Instant.MAX);

		assertThat(result.ok()).isFalse();
		assertThat(result.content()).contains("text");
		assertThat(invocations).isEmpty();
	}

	@Test
	void aToolOfAnotherUserIsUnknown() {
		assertThat(toolbox.call(BOB, "call_1", "crash", "{\"text\": \"x\"}", Instant.MAX).content())
			.isEqualTo("Error: there is no tool named crash");
		assertThat(toolbox.available(BOB)).extracting(Tool::name).containsExactly("echo");
	}

	@Test
	void aToolThatThrowsFailsTheCallWithoutItsMessage() {
		ToolResult result = toolbox.call(ALICE, "call_1", "crash", "{\"text\": \"x\"}", Instant.MAX);

		assertThat(result.ok()).isFalse();
		assertThat(result.content()).doesNotContain("secret", "boom").contains("crash");
	}

	private Tool tool(String name, java.util.function.Function<ToolInvocation, ToolResult> body) {
		ToolDefinition definition = new ToolDefinition(name, "Test tool " + name, """
				{"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}""");
		return new Tool() {

			@Override
			public ToolDefinition definition() {
				return definition;
			}

			@Override
			public ToolResult execute(ToolInvocation invocation) {
				invocations.add(invocation);
				return body.apply(invocation);
			}
		};
	}
}
