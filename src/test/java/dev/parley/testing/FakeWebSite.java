package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A small web site on a loopback address for tests of tools that fetch pages: pages, redirects,
 * pages that never answer, and a record of every request it received (a canary's count stays 0
 * when a guard refused to connect). {@link #fixture} reads the pages under {@code /fixtures}, such
 * as {@code prompt-injection.html}, a page telling the model to call other tools.
 */
public final class FakeWebSite implements AutoCloseable {

	/** One request as the site received it. */
	public record Received(String method, String path, Headers headers, String body) {
	}

	private final HttpServer server;

	private final List<Received> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	private FakeWebSite(HttpServer server) {
		this.server = server;
	}

	/** Starts a site on a free port of this loopback address ({@code 127.0.0.1}, {@code 127.0.0.2} ...). */
	public static FakeWebSite start(String loopbackAddress) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(loopbackAddress, 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			FakeWebSite site = new FakeWebSite(server);
			server.createContext("/", site::handle);
			server.start();
			return site;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private final Map<String, HttpHandler> routes = new java.util.concurrent.ConcurrentHashMap<>();

	/** Serves this body at this path. */
	public FakeWebSite page(String path, int status, String contentType, String body) {
		return page(path, status, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	public FakeWebSite page(String path, int status, String contentType, byte[] body) {
		routes.put(path, exchange -> {
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
			try {
				exchange.getResponseBody().write(body);
			}
			catch (IOException ex) {
				// The client stopped reading (a size cap): fine.
			}
		});
		return this;
	}

	/** Answers this path with a redirect to the location. */
	public FakeWebSite redirect(String path, int status, String location) {
		routes.put(path, exchange -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(status, -1);
		});
		return this;
	}

	/** Never answers this path (until the site closes). */
	public FakeWebSite silent(String path) {
		routes.put(path, exchange -> {
			try {
				closing.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		return this;
	}

	/** Answers with the request's method, headers and body, as text. */
	public FakeWebSite echo(String path) {
		routes.put(path, exchange -> {
			Received last = requests.getLast();
			String text = last.method() + "\n" + last.headers().entrySet() + "\n" + last.body();
			byte[] body = text.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		});
		return this;
	}

	public String url(String path) {
		return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public List<Received> requests() {
		return List.copyOf(requests);
	}

	/** A file under {@code src/test/resources/fixtures}. */
	public static String fixture(String name) {
		try (InputStream in = FakeWebSite.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders(), body));
			HttpHandler route = routes.get(exchange.getRequestURI().getPath());
			if (route == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				route.handle(exchange);
			}
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
	}
}
