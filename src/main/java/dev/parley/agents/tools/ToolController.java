package dev.parley.agents.tools;

import java.util.List;

import dev.parley.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What tools exist for the caller: every {@link ToolSource}'s, as the model sees them. Read-only. */
@RestController
@RequestMapping("/api/v1/tools")
@Tag(name = "Tools", description = "The tools an agent may call for you: built-in ones and those of your MCP servers")
class ToolController {

	private final Toolbox toolbox;

	private final JsonMapper json;

	ToolController(Toolbox toolbox, JsonMapper json) {
		this.toolbox = toolbox;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "The tools you may give an agent, with their argument schemas and what they may do")
	ToolList list(@AuthenticationPrincipal AuthenticatedUser caller) {
		return new ToolList(toolbox.available(caller.id()).stream().map(this::toResponse).toList());
	}

	private ToolResponse toResponse(Tool tool) {
		ToolHints hints = tool.hints();
		return new ToolResponse(tool.name(), tool.definition().description(), schema(tool),
				new HintsResponse(hints.readOnly(), hints.destructive(), hints.openWorld()));
	}

	private @Nullable JsonNode schema(Tool tool) {
		try {
			return json.readTree(tool.definition().parametersSchema());
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	record ToolList(List<ToolResponse> items) {
	}

	/**
	 * @param parameters the JSON Schema of the tool's arguments ({@code null} when a tool's schema is
	 *     not JSON; such a tool cannot be called)
	 */
	record ToolResponse(String name, String description,
			@Schema(description = "The JSON Schema of the tool's arguments", type = "object") @Nullable JsonNode parameters,
			HintsResponse hints) {
	}

	/**
	 * @param readOnly it changes nothing
	 * @param destructive it may delete or overwrite
	 * @param openWorld it reaches beyond Parley (the web, a third party); such tools and destructive
	 *     ones ask you before they run unless an agent's policy says otherwise
	 */
	record HintsResponse(boolean readOnly, boolean destructive, boolean openWorld) {
	}
}
