package dev.parley.ai.provider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.parley.ai.AiProperties;
import dev.parley.ai.fake.AiSettings;
import dev.parley.platform.outbound.OutboundAddressGuard;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The upstream clients' connections send what is written at once: Nagle's algorithm is off. */
class UpstreamSocketsTests {

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyUpstreamConnectionHasNoDelay(boolean usersOwnUrl) throws IOException {
		OutboundAddressGuard guard = OutboundAddressGuard.of(false, List.of("127.0.0.1"),
				host -> List.of(InetAddress.getLoopbackAddress()));
		AiProperties.Timeouts timeouts = AiSettings.of().bind().timeouts();
		UpstreamHttp upstream = new UpstreamHttp(new GuardedHttp(guard, timeouts), timeouts);
		NoDelaySeen seen = new NoDelaySeen();
		OkHttpClient client = upstream.client(usersOwnUrl, false).newBuilder().eventListener(seen).build();

		Request request = new Request.Builder().url("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/x")
			.post(RequestBody.create(new byte[64 * 1024], MediaType.get("application/json")))
			.build();
		try (Response response = client.newCall(request).execute()) {
			assertThat(response.code()).isEqualTo(204);
		}

		assertThat(seen.noDelay).containsExactly(true);
	}

	private static final class NoDelaySeen extends EventListener {

		private final List<Boolean> noDelay = new CopyOnWriteArrayList<>();

		@Override
		public void connectionAcquired(Call call, Connection connection) {
			try {
				noDelay.add(connection.socket().getTcpNoDelay());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
