package dev.parley.ai.openai;

import dev.parley.platform.EncodedSlashPaths;
import dev.parley.platform.PathAuthenticationEntryPoint;
import dev.parley.platform.PathErrorFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request to {@code /v1/**} without a valid key fails as OpenAI's API fails it: 401 with an
 * {@link OpenAiError} ({@code invalid_api_key} when a key was presented), so SDKs raise their
 * authentication error with a readable message. The key itself is never echoed. Every other error
 * the platform raises under {@code /v1} takes that shape too ({@link PathErrorFormat}).
 */
@Configuration(proxyBeanMethods = false)
class OpenAiAuthentication {

	static final String MISSING_KEY = "You didn't provide an API key. Send a Parley API key (or an access token) "
			+ "in the Authorization header: 'Authorization: Bearer pk_...'.";

	static final String INVALID_KEY = "Incorrect API key provided: it is unknown, expired or revoked. "
			+ "Create one with POST /api/v1/api-keys.";

	/** Every other error under {@code /v1} that the platform answers (unknown path, 405, 413 ...) in the same shape. */
	@Bean
	PathErrorFormat openAiErrorFormat() {
		return new PathErrorFormat("/v1/**", MediaType.APPLICATION_JSON, OpenAiError.class, OpenAiError::of);
	}

	/** A model id holds a slash, which OpenAI's SDKs encode: {@code GET /v1/models/openai%2Fgpt-4o-mini}. */
	@Bean
	EncodedSlashPaths modelIdsInPaths() {
		return EncodedSlashPaths.of("/v1/models/");
	}

	@Bean
	PathAuthenticationEntryPoint openAiUnauthenticated(JsonMapper json) {
		return new PathAuthenticationEntryPoint("/v1/**", entryPoint(json));
	}

	private static AuthenticationEntryPoint entryPoint(JsonMapper json) {
		return (request, response, ex) -> {
			boolean presented = ex instanceof InvalidBearerTokenException
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
			response.setStatus(401);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			json.writeValue(response.getOutputStream(), presented ? OpenAiError.of(401, INVALID_KEY, null, "invalid_api_key")
					: OpenAiError.of(401, MISSING_KEY, null, null));
		};
	}
}
