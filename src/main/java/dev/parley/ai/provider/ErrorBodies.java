package dev.parley.ai.provider;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenAI-shaped error body ({@code {"error": {"message", "type", "param", "code"}}}) into
 * a {@link ProviderRefusal} whose words may be shown to a client: URLs and anything that looks like
 * a key or a token are replaced, and the message is cut to a sane length. Providers echo parts of
 * keys in their messages ({@code Incorrect API key provided: sk-te***ey}), and compatible servers
 * name their internal hosts.
 */
final class ErrorBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");

	private static final Pattern KEY = Pattern
		.compile("(?i)\\b(?:sk|pk|rk|ak)[-_][A-Za-z0-9_*.\\-]{4,}|\\bbearer\\s+\\S+|\\b[A-Za-z0-9_\\-*]{24,}");

	private static final int MAX_MESSAGE = 1000;

	private ErrorBodies() {
	}

	static ProviderRefusal refusal(String provider, int status, @Nullable Duration retryAfter, byte[] body) {
		String message = null;
		String param = null;
		String code = null;
		try {
			JsonNode error = JSON.readTree(body).path("error");
			if (error.isObject()) {
				message = clean(text(error.get("message")));
				param = clean(text(error.get("param")));
				code = clean(text(error.get("code")));
			}
			else if (error.isString()) {
				message = clean(error.asString());
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// Not JSON: the provider's words are unknown, its status still says enough.
		}
		return new ProviderRefusal(status, retryAfter, provider + " answered HTTP " + status, message, param, code);
	}

	/** The text without URLs, keys or tokens, at most {@value #MAX_MESSAGE} characters; {@code null} stays. */
	static @Nullable String clean(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String cleaned = KEY.matcher(URL.matcher(text).replaceAll("[url]")).replaceAll("[redacted]");
		return cleaned.length() > MAX_MESSAGE ? cleaned.substring(0, MAX_MESSAGE) + "…" : cleaned;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isString() ? node.asString() : node.toString();
	}
}
