package dev.parley.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Server-Sent Events from a response body, one event at a time, as a browser would. */
public final class SseStream implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int status;

	private final BufferedReader reader;

	private final InputStream body;

	public SseStream(int status, InputStream body) {
		this.status = status;
		this.body = body;
		this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
	}

	public int status() {
		return status;
	}

	/** The next event, or {@code null} when the stream has ended. Comments are skipped. */
	public Event next() {
		try {
			String id = null;
			String name = "message";
			StringBuilder data = new StringBuilder();
			boolean any = false;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (any) {
						return new Event(id, name, data.toString());
					}
					continue;
				}
				if (line.startsWith(":")) {
					continue;
				}
				any = true;
				int colon = line.indexOf(':');
				String field = colon < 0 ? line : line.substring(0, colon);
				String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
				switch (field) {
					case "id" -> id = value;
					case "event" -> name = value;
					case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
					default -> {
					}
				}
			}
			return any ? new Event(id, name, data.toString()) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every event until the stream ends. */
	public List<Event> rest() {
		List<Event> events = new ArrayList<>();
		for (Event event = next(); event != null; event = next()) {
			events.add(event);
		}
		return events;
	}

	@Override
	public void close() {
		try {
			body.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record Event(String id, String name, String data) {

		public JsonNode json() {
			return JSON.readTree(data);
		}
	}
}
