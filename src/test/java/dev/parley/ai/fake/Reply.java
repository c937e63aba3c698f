package dev.parley.ai.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * One answer of a {@link FakeProvider}: a status, headers and a body written in parts, optionally
 * after a delay (a slow first token) and optionally broken off after the last part (a connection
 * that dies midway, without the end of the chunked body). Text parts are sent as UTF-8; binary
 * parts ({@link #binary}) byte for byte.
 */
public record Reply(int status, Map<String, String> headers, List<String> parts, Duration firstPartDelay,
		boolean breakAfterParts, Charset charset) {

	public static Reply json(int status, String body) {
		return new Reply(status, Map.of("Content-Type", "application/json"), List.of(body), Duration.ZERO, false,
				StandardCharsets.UTF_8);
	}

	public static Reply stream(String contentType, List<String> parts) {
		return new Reply(200, Map.of("Content-Type", contentType, "Cache-Control", "no-cache"), parts, Duration.ZERO,
				false, StandardCharsets.UTF_8);
	}

	/** A body of raw bytes, each part flushed on its own. */
	public static Reply binary(String contentType, List<byte[]> parts) {
		return new Reply(200, Map.of("Content-Type", contentType), parts.stream()
			.map(part -> new String(part, StandardCharsets.ISO_8859_1))
			.toList(), Duration.ZERO, false, StandardCharsets.ISO_8859_1);
	}

	public Reply withHeader(String name, String value) {
		Map<String, String> all = new java.util.LinkedHashMap<>(headers);
		all.put(name, value);
		return new Reply(status, all, parts, firstPartDelay, breakAfterParts, charset);
	}

	/** The same reply, its first part sent only after {@code delay}. */
	public Reply delayedBy(Duration delay) {
		return new Reply(status, headers, parts, delay, breakAfterParts, charset);
	}

	/** The same reply, the connection dropped after the parts instead of ending the body. */
	public Reply brokenOff() {
		return new Reply(status, headers, parts, firstPartDelay, true, charset);
	}

	void write(HttpExchange exchange) throws IOException {
		headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(status, 0);
		OutputStream out = exchange.getResponseBody();
		pause(firstPartDelay);
		for (String part : parts) {
			out.write(part.getBytes(charset));
			out.flush();
		}
		if (breakAfterParts) {
			// An exception out of the handler makes the JDK server drop the connection as it is.
			throw new IOException("connection dropped on purpose");
		}
		out.close();
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
