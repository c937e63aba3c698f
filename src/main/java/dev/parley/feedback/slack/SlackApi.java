package dev.parley.feedback.slack;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.parley.feedback.FeedbackDeliveryFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few Slack Web API methods the channel calls, over plain HTTP with the bot token. Slack
 * answers most refusals with HTTP 200 and {@code "ok": false, "error": "…"}: those fail with the
 * error code. A 429 is waited out once when its {@code Retry-After} is short enough, else it fails.
 * The base URL is the operator's setting, not a user's, so it does not go through the address guard.
 */
class SlackApi {

	private final RestClient http;

	private final JsonMapper json;

	private final SlackChannelProperties properties;

	SlackApi(SlackChannelProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(properties.apiUrl().toString().replaceAll("/+$", ""))
			.build();
	}

	boolean configured() {
		return !properties.botToken().isBlank();
	}

	/**
	 * Calls {@code method} ({@code chat.postMessage}) with {@code body}; the answer when {@code ok}.
	 * @throws FeedbackDeliveryFailed naming Slack's error code, the HTTP status or the network failure
	 */
	JsonNode call(String method, JsonNode body) {
		Answer answer = send(method, body);
		if (answer.status() == 429) {
			Duration wait = answer.retryAfter();
			if (wait.compareTo(properties.longestRetryAfter()) > 0) {
				throw new FeedbackDeliveryFailed("Slack rate-limited " + method + " for " + wait.toSeconds() + " s.");
			}
			pause(wait);
			answer = send(method, body);
			if (answer.status() == 429) {
				throw new FeedbackDeliveryFailed("Slack rate-limited " + method + " again after waiting "
						+ wait.toSeconds() + " s.");
			}
		}
		if (answer.status() / 100 != 2) {
			throw new FeedbackDeliveryFailed("Slack answered " + method + " with HTTP " + answer.status() + ".");
		}
		JsonNode reply = parsed(method, answer.body());
		if (!reply.path("ok").asBoolean(false)) {
			throw new FeedbackDeliveryFailed("Slack refused " + method + ": " + reply.path("error").asString("unknown_error"));
		}
		return reply;
	}

	private record Answer(int status, Duration retryAfter, String body) {
	}

	private Answer send(String method, JsonNode body) {
		try {
			return http.post()
				.uri("/" + method)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.botToken())
				.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
				.body(json.writeValueAsString(body))
				.exchange((request, response) -> new Answer(response.getStatusCode().value(),
						retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			throw new FeedbackDeliveryFailed("Slack could not be reached for " + method + ": " + ex.getMessage(), ex);
		}
	}

	private JsonNode parsed(String method, String body) {
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new FeedbackDeliveryFailed("Slack answered " + method + " with something other than JSON.", ex);
		}
	}

	private static Duration retryAfter(@Nullable String header) {
		if (header == null) {
			return Duration.ofSeconds(1);
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(1);
		}
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedbackDeliveryFailed("Interrupted while waiting out Slack's rate limit.", ex);
		}
	}
}
