package dev.parley.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client of the server under test (the JDK's), reading JSON frames one at a time. It
 * can stop reading ({@link #pause}) to play a client that falls behind: the JDK client then reads
 * nothing more from the connection, so the server's writes back up.
 */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private volatile WebSocket socket;

	private volatile boolean paused;

	private SocketClient() {
	}

	/** Opens {@code /ws} (with {@code query}, e.g. {@code ?ticket=...}) and the given headers. */
	public static SocketClient open(int port, String query, Map<String, String> headers) {
		SocketClient client = new SocketClient();
		WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		headers.forEach(builder::header);
		client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws" + query), client).join();
		return client;
	}

	public static SocketClient withToken(int port, String token) {
		return open(port, "", Map.of("Authorization", "Bearer " + token));
	}

	/** The HTTP status the upgrade was refused with. */
	public static int refusal(int port, String query, Map<String, String> headers) {
		try {
			open(port, query, headers).close();
			throw new AssertionError("The upgrade was accepted");
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException handshake) {
				return handshake.getResponse().statusCode();
			}
			throw ex;
		}
	}

	public void send(Map<String, ?> frame) {
		socket.sendText(JSON.writeValueAsString(frame), true).join();
	}

	/** The next frame, waiting at most 10 seconds. */
	public JsonNode next() {
		try {
			JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
			if (frame == null) {
				throw new AssertionError("No frame within 10 s" + (closed.isDone() ? " (closed " + closed.join() + ")" : ""));
			}
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next frame of this type, skipping others. */
	public JsonNode next(String type) {
		return until(frame -> frame.path("type").asString().equals(type)).getLast();
	}

	/** Frames up to and including the first that matches. */
	public List<JsonNode> until(Predicate<JsonNode> last) {
		List<JsonNode> read = new ArrayList<>();
		while (true) {
			JsonNode frame = next();
			read.add(frame);
			if (last.test(frame)) {
				return read;
			}
		}
	}

	/** Whether a frame arrives within {@code wait}, taking it. */
	public JsonNode poll(Duration wait) throws InterruptedException {
		return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops reading from the connection. */
	public void pause() {
		paused = true;
	}

	/** Reads on (and everything the server managed to send meanwhile). */
	public void resume() {
		paused = false;
		socket.request(Long.MAX_VALUE);
	}

	/** The close code the server closed with. */
	public CompletableFuture<Integer> closed() {
		return closed;
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			frames.add(JSON.readTree(partial.toString()));
			partial.setLength(0);
		}
		if (!paused) {
			webSocket.request(1);
		}
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closed.completeExceptionally(error);
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(ex -> null);
		}
		socket.abort();
	}
}
