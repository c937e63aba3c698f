package dev.parley.conversations.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An S3-compatible service for tests, path-style: {@code PUT|GET|HEAD|DELETE /{bucket}/{key}} and
 * {@code HEAD /{bucket}}, objects in memory, S3's XML errors ({@code NoSuchKey}, {@code NoSuchBucket},
 * {@code SignatureDoesNotMatch}). Every request must be signed with Signature V4 by the configured
 * key ({@link SigV4}, chunk signatures of streamed uploads included); what it refuses is kept in
 * {@link #refusals()}. {@link #stop()} and {@link #start()} take it away and bring it back on the
 * same port, its objects kept.
 */
final class FakeS3 {

	static final String BUCKET = "parley-files";

	static final String REGION = "eu-central-1";

	static final String ACCESS_KEY_ID = "AKIAFAKES3TESTKEY";

	static final String SECRET_ACCESS_KEY = "fake-s3-secret-that-must-never-be-logged";

	private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

	private final List<String> refusals = new CopyOnWriteArrayList<>();

	private final Set<String> payloadSignings = ConcurrentHashMap.newKeySet();

	private final SigV4 signatures = new SigV4(ACCESS_KEY_ID, SECRET_ACCESS_KEY, REGION);

	private int port;

	private HttpServer server;

	FakeS3() {
		start();
	}

	synchronized void start() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.start();
		port = server.getAddress().getPort();
	}

	synchronized void stop() {
		server.stop(0);
	}

	String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	/** The objects by key, prefix included. */
	Map<String, byte[]> objects() {
		return Map.copyOf(objects);
	}

	void remove(String key) {
		objects.remove(key);
	}

	/**
	 * How uploads were signed: their {@code x-amz-content-sha256} ({@code STREAMING-…} for signed
	 * chunks), a plain hash as {@code sha256}.
	 */
	Set<String> payloadSignings() {
		return Set.copyOf(payloadSignings);
	}

	/** Requests refused for their signature, each as its reason. */
	List<String> refusals() {
		return List.copyOf(refusals);
	}

	void clearRefusals() {
		refusals.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			SigV4.Checked checked = signatures.check(exchange, body);
			if (checked.refusal() != null) {
				refusals.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + checked.refusal());
				error(exchange, 403, "SignatureDoesNotMatch", checked.refusal());
				return;
			}
			String path = exchange.getRequestURI().getRawPath();
			int slash = path.indexOf('/', 1);
			String bucket = URLDecoder.decode(slash < 0 ? path.substring(1) : path.substring(1, slash), StandardCharsets.UTF_8);
			String key = slash < 0 ? "" : URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
			if (!BUCKET.equals(bucket)) {
				error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
				return;
			}
			switch (exchange.getRequestMethod() + (key.isEmpty() ? " bucket" : " object")) {
				case "HEAD bucket" -> exchange.sendResponseHeaders(200, -1);
				case "PUT object" -> {
					String signing = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
					payloadSignings.add(signing.matches("[0-9a-f]{64}") ? "sha256" : signing);
					objects.put(key, checked.payload());
					exchange.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(key.hashCode()) + "\"");
					exchange.sendResponseHeaders(200, -1);
				}
				case "GET object", "HEAD object" -> {
					byte[] object = objects.get(key);
					if (object == null) {
						error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
						return;
					}
					exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
					boolean head = exchange.getRequestMethod().equals("HEAD");
					exchange.getResponseHeaders().set("Content-Length", String.valueOf(object.length));
					exchange.sendResponseHeaders(200, head ? -1 : object.length);
					if (!head) {
						exchange.getResponseBody().write(object);
					}
				}
				case "DELETE object" -> {
					objects.remove(key);
					exchange.sendResponseHeaders(204, -1);
				}
				default -> error(exchange, 501, "NotImplemented", "Not implemented by the fake");
			}
		}
	}

	private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
		byte[] xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Error><Code>%s</Code><Message>%s</Message><RequestId>fake</RequestId></Error>"""
			.formatted(code, message)
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/xml");
		if (exchange.getRequestMethod().equals("HEAD")) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		exchange.sendResponseHeaders(status, xml.length);
		exchange.getResponseBody().write(xml);
	}
}
