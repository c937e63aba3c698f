package dev.parley.agents.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.mcp.client.webflux.transport.WebFluxSseClientTransport;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Spring AI's SSE client transport, told when its event stream fails. The original drops the
 * failure of the stream (a refused or unreachable address, an HTTP error) and leaves the client to
 * wait for the endpoint event until its request times out; here the failure ends that wait at
 * once, so a server that cannot be reached says so instead of "did not answer in time", and the
 * stream's end is logged once rather than as an unhandled error.
 */
final class FailFastSseClientTransport extends WebFluxSseClientTransport {

	private static final Logger log = LoggerFactory.getLogger(FailFastSseClientTransport.class);

	FailFastSseClientTransport(WebClient.Builder webClient, String sseEndpoint) {
		super(webClient, McpJsonDefaults.getMapper(), sseEndpoint);
	}

	@Override
	protected Flux<ServerSentEvent<String>> eventStream() {
		return super.eventStream().onErrorResume(failure -> {
			if (!messageEndpointSink.tryEmitError(failure).isSuccess()) {
				log.info("The SSE stream of an MCP server ended: {}", McpConnection.describe(failure));
			}
			return Flux.empty();
		});
	}
}
