package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assumptions;
import redis.embedded.RedisServer;

/**
 * A Redis for the tests that need one (several nodes sharing limits, fan-out, quotas): the server
 * {@code PARLEY_TEST_REDIS_URL} names ({@code .ci/run} points it at the machine's Redis), otherwise
 * an embedded {@code redis-server} started once per test JVM on a free port. When neither can be
 * had, the test is skipped with the reason (never silently passed).
 * <p>
 * Tests sharing one Redis keep apart by their own data (fresh users, chats and keys), as they do in
 * PostgreSQL.
 */
public final class TestRedis {

	private static String url;

	private TestRedis() {
	}

	/** {@code redis://127.0.0.1:port} of a Redis that answers PING. */
	public static synchronized String url() {
		if (url == null) {
			url = locate();
		}
		return url;
	}

	private static String locate() {
		String configured = System.getenv("PARLEY_TEST_REDIS_URL");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		try {
			int port = freePort();
			RedisServer server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1")
					.setting("save \"\"").setting("appendonly no").build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
			return "redis://127.0.0.1:" + port;
		}
		catch (IOException | RuntimeException embeddedFailed) {
			if (answersPing(6379)) {
				return "redis://127.0.0.1:6379";
			}
			Assumptions.abort("no Redis for this test: the embedded redis-server did not start ("
					+ embeddedFailed.getMessage() + ") and nothing answers on 127.0.0.1:6379");
			throw new AssertionError("unreachable");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException unreachable) {
			return false;
		}
	}

	private static void stopQuietly(RedisServer server) {
		try {
			server.stop();
		}
		catch (IOException ignored) {
			// The JVM is exiting; the server process ends with it.
		}
	}
}
