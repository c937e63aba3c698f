package dev.parley.feedback.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Slack Web API as the channel sees it, on a JDK HttpServer: it records every call (method,
 * Authorization header, JSON body) and answers {@code {"ok": true, …}} unless a test queued other
 * answers first.
 */
final class FakeSlackApi implements AutoCloseable {

	record Call(String method, String authorization, String body) {
	}

	private record Canned(int status, String retryAfter, String body) {
	}

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Deque<Canned> answers = new ArrayDeque<>();

	FakeSlackApi() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/api/", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
	}

	List<Call> calls(String method) {
		return calls.stream().filter(call -> call.method().equals(method)).toList();
	}

	synchronized void answerNext(int status, String retryAfter, String body) {
		answers.add(new Canned(status, retryAfter, body));
	}

	synchronized void reset() {
		answers.clear();
		calls.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestURI().getPath().substring("/api/".length());
		calls.add(new Call(method, exchange.getRequestHeaders().getFirst("Authorization"),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		Canned canned;
		synchronized (this) {
			canned = answers.isEmpty() ? new Canned(200, null, "{\"ok\":true,\"channel\":\"D0DM\",\"ts\":\"1700000000.000100\"}")
					: answers.poll();
		}
		byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		if (canned.retryAfter() != null) {
			exchange.getResponseHeaders().add("Retry-After", canned.retryAfter());
		}
		exchange.sendResponseHeaders(canned.status(), body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
