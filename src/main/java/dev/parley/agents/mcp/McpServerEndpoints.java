package dev.parley.agents.mcp;

import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.delete;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.patch;
import static dev.parley.platform.SessionOnlyEndpoints.Endpoint.post;

import dev.parley.platform.SessionOnlyEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registering, changing and deleting an MCP server need a login session: they store headers (often
 * a credential) and decide where they are sent. An API key may still list and read servers and ask
 * for their tools, which sends the stored headers only to the endpoint they were stored with.
 */
@Configuration(proxyBeanMethods = false)
class McpServerEndpoints {

	@Bean
	SessionOnlyEndpoints mcpServerSessionOnlyEndpoints() {
		return SessionOnlyEndpoints.of(post("/api/v1/mcp-servers"), patch("/api/v1/mcp-servers/*"),
				delete("/api/v1/mcp-servers/*"));
	}
}
