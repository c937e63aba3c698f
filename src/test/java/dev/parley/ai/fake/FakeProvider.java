package dev.parley.ai.fake;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A model provider over real HTTP on a random local port. It answers each request with the next
 * queued {@link Reply}, or when none is queued with its default responder (which speaks one wire
 * format: see {@link OpenAiWire}, {@link AnthropicWire}, {@link OllamaWire}, {@link GeminiWire}),
 * and remembers every request it received.
 */
public final class FakeProvider implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Queue<Reply> queued = new ConcurrentLinkedQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Function<Received, Reply> responder;

	private FakeProvider(InetAddress address, Function<Received, Reply> responder) throws IOException {
		this.responder = responder;
		this.server = HttpServer.create(new InetSocketAddress(address, 0), 0);
		this.server.setExecutor(executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Starts a fake answering with {@code responder} whatever was not queued. */
	public static FakeProvider start(Function<Received, Reply> responder) {
		return startOn(InetAddress.getLoopbackAddress(), responder);
	}

	/** Starts a fake listening on another local address (127.0.0.2, say). */
	public static FakeProvider startOn(InetAddress address, Function<Received, Reply> responder) {
		try {
			return new FakeProvider(address, responder);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
	}

	/** Replies for the next requests, in order. */
	public FakeProvider enqueue(Reply... replies) {
		queued.addAll(List.of(replies));
		return this;
	}

	public int requestCount() {
		return received.size();
	}

	public List<Received> requests() {
		return List.copyOf(received);
	}

	/** Forgets queued replies and received requests. */
	public void reset() {
		queued.clear();
		received.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
				body, System.nanoTime());
		received.add(request);
		Reply reply = queued.poll();
		(reply == null ? responder.apply(request) : reply).write(exchange);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	/**
	 * A request as the fake received it.
	 *
	 * @param receivedAtNanos {@link System#nanoTime()} on arrival
	 */
	public record Received(String method, String uri, Map<String, List<String>> headers, String body,
			long receivedAtNanos) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

		public boolean streaming() {
			return body.replace(" ", "").contains("\"stream\":true") || uri.contains("streamGenerateContent");
		}
	}
}
