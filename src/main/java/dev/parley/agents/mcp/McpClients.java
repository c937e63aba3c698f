package dev.parley.agents.mcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import dev.parley.platform.outbound.OutboundAddressGuard;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.mcp.client.webflux.transport.WebClientStreamableHttpTransport;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds MCP clients (the MCP Java SDK's async client) for servers.
 * <p>
 * Users' servers are reached over HTTP with Spring AI's WebClient transports (streamable HTTP, SSE)
 * on one Apache HttpClient 5 whose {@link DnsResolver} is the platform's
 * {@link OutboundAddressGuard}: the client asks it for the addresses of every host it connects to
 * and dials exactly the addresses it returns, each of them checked, so the address connected to is
 * the address checked (no second lookup, no rebinding window). It follows no redirects, uses no
 * proxy, and an SSE server's message endpoint must share the stream's origin (the SDK's default
 * validator), so headers never travel to another host. The JDK HttpClient the SDK's own transports
 * use has no such hook, which is why they are not used.
 * <p>
 * Stdio servers come from the operator's configuration only and are started as local processes,
 * with only the environment the configuration gives them.
 */
@Component
class McpClients implements DisposableBean {

	private static final McpSchema.Implementation CLIENT_INFO = McpSchema.Implementation.builder("parley", "0.1")
		.build();

	private final OutboundAddressGuard guard;

	private final McpProperties properties;

	private @Nullable HttpComponentsClientHttpConnector connector;

	McpClients(OutboundAddressGuard guard, McpProperties properties) {
		this.guard = guard;
		this.properties = properties;
	}

	McpAsyncClient create(McpEndpoint endpoint) {
		McpClientTransport transport = switch (endpoint) {
			case McpEndpoint.Remote remote -> http(remote);
			case McpEndpoint.Local local -> stdio(local.stdio());
		};
		return McpClient.async(transport)
			.requestTimeout(properties.requestTimeout())
			.initializationTimeout(properties.requestTimeout())
			.clientInfo(CLIENT_INFO)
			.build();
	}

	private McpClientTransport http(McpEndpoint.Remote remote) {
		URI uri = URI.create(remote.url());
		String origin = uri.getScheme() + "://" + uri.getRawAuthority();
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		WebClient.Builder web = WebClient.builder()
			.clientConnector(connector())
			.baseUrl(origin)
			.defaultHeaders(headers -> remote.headers().forEach(headers::set));
		return switch (remote.transport()) {
			case STREAMABLE_HTTP -> WebClientStreamableHttpTransport.builder(web).endpoint(path).build();
			case SSE -> new FailFastSseClientTransport(web, path);
			case STDIO -> throw new IllegalStateException("A user's server never runs over stdio");
		};
	}

	private McpClientTransport stdio(McpProperties.Stdio stdio) {
		ServerParameters parameters = ServerParameters.builder(stdio.command())
			.args(stdio.args())
			.env(stdio.env())
			.build();
		return new IsolatedStdioClientTransport(parameters);
	}

	/** One guarded HTTP client for every user's server, made when the first one is reached. */
	private synchronized HttpComponentsClientHttpConnector connector() {
		if (connector == null) {
			// Each client may hold a stream open (SSE, streamable HTTP's GET), often to one popular host:
			// room for one per client and as many requests again, then a lease waits no longer than a connect.
			int connectionLimit = properties.maxClients() * 2 + 20;
			Timeout connect = Timeout.of(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
			var connections = PoolingAsyncClientConnectionManagerBuilder.create()
				.setDnsResolver(guardedDns())
				.setMaxConnTotal(connectionLimit)
				.setMaxConnPerRoute(connectionLimit)
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).build())
				.build();
			connector = new HttpComponentsClientHttpConnector(HttpAsyncClients.custom()
				.disableRedirectHandling()
				.setConnectionManager(connections)
				.setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect).build())
				.build());
		}
		return connector;
	}

	private DnsResolver guardedDns() {
		return new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return guard.resolve(host).toArray(InetAddress[]::new);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				// Only used for Kerberos/SPNEGO, never here; nothing is looked up.
				return host;
			}
		};
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (connector != null) {
			connector.close();
			connector = null;
		}
	}
}
