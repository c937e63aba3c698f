package dev.parley.ai.openai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dev.parley.ai.GenerationSlot;
import dev.parley.ai.Generations;
import dev.parley.ai.ModelInfo;
import dev.parley.ai.TokenUsage;
import dev.parley.ai.credentials.CredentialResolver;
import dev.parley.ai.metering.GenerationMetering;
import dev.parley.ai.provider.OpenAiResponsesUpstream;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/responses} for {@code openai/*} models, passed through: the body goes to OpenAI
 * as the client sent it with only {@code model} rewritten to OpenAI's name, and the answer (JSON,
 * or the event stream line by line) comes back as OpenAI sent it with only {@code model} rewritten
 * to Parley's id; every other field, known to Parley or not, survives both ways. Usage is read from
 * the answer ({@code usage}, or the stream's final {@code response}) and metered. OpenAI's 400, 404
 * and 422 keep their status and error (keys and URLs stripped from the message); 429 keeps its
 * {@code Retry-After}; a refused own key is the user's 401/403; anything else is a 502.
 * <p>
 * A pass-through of its own, kept small: the chat-completions pass-through core is meant to absorb it.
 */
@Component
class ResponsesPassThrough {

	private static final Pattern SECRETS = Pattern.compile("(sk-[A-Za-z0-9*_-]+|https?://\\S+)");

	private final OpenAiResponsesUpstream upstream;

	private final Generations generations;

	private final CredentialResolver credentials;

	private final GenerationMetering metering;

	private final JsonMapper json;

	ResponsesPassThrough(OpenAiResponsesUpstream upstream, Generations generations, CredentialResolver credentials,
			GenerationMetering metering, JsonMapper json) {
		this.upstream = upstream;
		this.generations = generations;
		this.credentials = credentials;
		this.metering = metering;
		this.json = json;
	}

	static boolean handles(ModelInfo model) {
		return model.id().provider().equals("openai");
	}

	/** The answer to send: a JSON response, an event stream, or an OpenAI error entity. */
	Object respond(UUID userId, ModelInfo model, ObjectNode body, HttpServletResponse servletResponse) {
		CredentialResolver.Resolved credential = credentials.resolve(userId, model.id().provider());
		String keySource = credential.source().name().toLowerCase(Locale.ROOT);
		boolean streamed = body.path("stream").asBoolean(false);
		GenerationSlot slot = generations.reserve(userId);
		Metered metered = new Metered(metering.startCall(userId, model, keySource, "chat"), slot);
		OpenAiResponsesUpstream.Upstream answer;
		try {
			body.put("model", model.id().model());
			answer = upstream.post("/responses", json.writeValueAsBytes(body), credential.credential(), streamed);
		}
		catch (RuntimeException ex) {
			metered.end(TokenUsage.NONE, "failed");
			throw ex;
		}
		if (answer.status() >= 300) {
			try (answer) {
				metered.end(TokenUsage.NONE, "failed");
				return refusal(answer, credential.credential() != null);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (!streamed) {
			try (answer) {
				ObjectNode response = (ObjectNode) json.readTree(answer.body());
				response.put("model", model.id().toString());
				metered.end(usage(response.get("usage")), "completed");
				return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response);
			}
			catch (IOException | RuntimeException ex) {
				metered.end(TokenUsage.NONE, "failed");
				throw new IllegalStateException("OpenAI's response could not be read", ex);
			}
		}
		servletResponse.setContentType("text/event-stream;charset=UTF-8");
		servletResponse.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		servletResponse.setHeader("X-Accel-Buffering", "no");
		return (StreamingResponseBody) out -> relay(answer, out, model, metered);
	}

	/** Copies the event stream line by line, rewriting {@code model} in the events that carry the response. */
	private void relay(OpenAiResponsesUpstream.Upstream answer, OutputStream out, ModelInfo model, Metered metered)
			throws IOException {
		AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);
		String status = "failed";
		try (answer; BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.startsWith("data:") && line.contains("\"response\"")) {
					JsonNode event = json.readTree(line.substring(5).strip());
					if (event.get("response") instanceof ObjectNode response) {
						response.put("model", model.id().toString());
						if (response.hasNonNull("usage")) {
							usage.set(usage(response.get("usage")));
						}
						String type = event.path("type").asString("");
						if (type.equals("response.completed") || type.equals("response.incomplete")) {
							status = "completed";
						}
						line = "data: " + json.writeValueAsString(event);
					}
				}
				out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
				if (line.isEmpty()) {
					out.flush();
				}
			}
			out.flush();
		}
		catch (IOException ex) {
			status = "cancelled";
			throw ex;
		}
		finally {
			metered.end(usage.get(), status);
		}
	}

	private ResponseEntity<OpenAiError> refusal(OpenAiResponsesUpstream.Upstream answer, boolean ownKey) throws IOException {
		int status = answer.status();
		JsonNode error = readError(answer);
		if (status == 400 || status == 404 || status == 422) {
			String message = SECRETS.matcher(error.path("message").asString("The request was refused.")).replaceAll("***");
			return entity(status, OpenAiError.of(status, message, error.path("param").asString(null),
					error.path("code").asString(null)), null);
		}
		if (status == 429) {
			return entity(429, OpenAiError.of(429, "OpenAI is rate limiting these requests; try again later.", null,
					"rate_limit_exceeded"), answer.retryAfter());
		}
		if ((status == 401 || status == 403) && ownKey) {
			return entity(status, OpenAiError.of(status, "OpenAI refused your own API key (HTTP " + status
					+ "): check the key stored in your integrations.", null, "invalid_api_key"), null);
		}
		return entity(502, OpenAiError.of(502, "The provider refused the request (HTTP " + status + ").", null,
				"provider_error"), null);
	}

	private JsonNode readError(OpenAiResponsesUpstream.Upstream answer) {
		try {
			return json.readTree(answer.body()).path("error");
		}
		catch (RuntimeException ex) {
			return json.createObjectNode();
		}
	}

	private static ResponseEntity<OpenAiError> entity(int status, OpenAiError error, @Nullable String retryAfter) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
		if (retryAfter != null) {
			builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return builder.body(error);
	}

	private static TokenUsage usage(@Nullable JsonNode usage) {
		if (usage == null || !usage.isObject()) {
			return TokenUsage.NONE;
		}
		return new TokenUsage(usage.path("input_tokens").asInt(0), usage.path("output_tokens").asInt(0));
	}

	/** Meters the call and gives the user's place back, once. */
	private final class Metered {

		private final GenerationMetering.Call call;

		private final GenerationSlot slot;

		private boolean ended;

		Metered(GenerationMetering.Call call, GenerationSlot slot) {
			this.call = call;
			this.slot = slot;
		}

		synchronized void end(TokenUsage usage, String status) {
			if (ended) {
				return;
			}
			ended = true;
			slot.release();
			call.end(usage, status);
		}
	}
}
