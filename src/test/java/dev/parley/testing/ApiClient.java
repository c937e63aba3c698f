package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the server under test, speaking JSON as any client would. */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	public Response post(String path, String token, Object body) {
		return send(withJson(request(path, token), "POST", body));
	}

	public Response patch(String path, String token, Object body) {
		return send(withJson(request(path, token), "PATCH", body));
	}

	/** Sends a body exactly as given, for malformed or oddly typed requests. */
	public Response raw(String method, String path, String token, String contentType, String body) {
		HttpRequest.Builder request = request(path, token).method(method, HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	/** Opens a request whose answer is an event stream, to be read event by event. */
	public SseStream stream(String method, String path, String token, Object body, String lastEventId) {
		HttpRequest.Builder request = body == null ? request(path, token).method(method, HttpRequest.BodyPublishers.noBody())
				: withJson(request(path, token), method, body);
		request.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			HttpResponse<java.io.InputStream> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			return new SseStream(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private static HttpRequest.Builder withJson(HttpRequest.Builder request, String method, Object body) {
		String json = body == null ? "" : body instanceof String text ? text : JSON.writeValueAsString(body);
		return request.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
	}

	/** Registers a fresh user and returns its tokens. */
	public Session register() {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		Response response = post("/api/v1/auth/register", null, Map.of("email", email, "password", Session.PASSWORD));
		if (response.status() != 201) {
			throw new IllegalStateException("Registration failed: " + response);
		}
		return new Session(email, response.json().get("access_token").asString(),
				response.json().get("refresh_token").asString(), response.json().get("user").get("id").asString());
	}

	public static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	public record Session(String email, String accessToken, String refreshToken, String userId) {

		public static final String PASSWORD = "correct horse battery staple";
	}

	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Lazy
		ApiClient apiClient(@LocalServerPort int port) {
			return new ApiClient(port);
		}
	}
}
