package dev.parley.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A provider's error, read into words a client may see. */
class ErrorBodiesTests {

	@Test
	void keepsTheMessageWithoutKeysTokensOrUrls() {
		ProviderRefusal refusal = refusal("""
				{"error":{"message":"Incorrect API key provided: sk-proj-abc***xyz. Bearer eyJhbGciOi.x.y was sent to \
				http://10.0.0.5:8000/v1/chat. Trace 0123456789abcdef0123456789abcdef.","type":"invalid_request_error",\
				"param":"messages","code":"invalid_api_key"}}""");

		assertThat(refusal.status()).isEqualTo(401);
		assertThat(refusal.upstreamMessage()).isEqualTo(
				"Incorrect API key provided: [redacted] [redacted] was sent to [url] Trace [redacted].");
		assertThat(refusal.param()).isEqualTo("messages");
		assertThat(refusal.code()).isEqualTo("invalid_api_key");
		assertThat(refusal.getMessage()).isEqualTo("openai answered HTTP 401");
	}

	@Test
	void keepsPlainProseWhole() {
		String message = "This model's maximum context length is 128000 tokens; your key must have max_tokens access.";
		assertThat(ErrorBodies.clean(message)).isEqualTo(message);
	}

	@Test
	void knowsNothingOfABodyThatIsNotAnOpenAiError() {
		assertThat(refusal("<html>bad gateway</html>").upstreamMessage()).isNull();
		assertThat(refusal("{\"error\":\"model overloaded\"}").upstreamMessage()).isEqualTo("model overloaded");
		assertThat(ErrorBodies.clean("x".repeat(5000))).hasSizeLessThan(1100);
	}

	private static ProviderRefusal refusal(String body) {
		return ErrorBodies.refusal("openai", 401, null, body.getBytes(StandardCharsets.UTF_8));
	}
}
