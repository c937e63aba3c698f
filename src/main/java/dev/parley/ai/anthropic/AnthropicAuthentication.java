package dev.parley.ai.anthropic;

import dev.parley.platform.BearerHeader;
import dev.parley.platform.PathAuthenticationEntryPoint;
import dev.parley.platform.PathErrorFormat;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys and errors on {@code /v1/messages} as Anthropic's SDKs expect them: the key may come as
 * {@code x-api-key} (what the SDKs send) as well as {@code Authorization: Bearer}; a request without
 * a valid one is a 401 {@code authentication_error}, and every other error the platform raises on
 * the path takes Anthropic's shape. Both are ordered before the OpenAI shape of the rest of {@code /v1}.
 */
@Configuration(proxyBeanMethods = false)
class AnthropicAuthentication {

	static final String PATH = "/v1/messages";

	/** The path and anything under it (such as {@code /v1/messages/count_tokens}, which Parley does not serve). */
	static final String PATTERN = PATH + "/**";

	static final String API_KEY_HEADER = "x-api-key";

	/**
	 * The bearer value of a request: the {@code Authorization} header as everywhere, or on
	 * {@code /v1/messages} only, the {@code x-api-key} header when there is no {@code Authorization}.
	 * The platform's resource server takes the application's one {@link BearerTokenResolver}.
	 */
	@Bean
	BearerTokenResolver bearerTokenResolver() {
		BearerHeader standard = new BearerHeader();
		// The path first: elsewhere each header read is one more pass of the firewall's header checks.
		return request -> {
			if (onPath(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				String key = request.getHeader(API_KEY_HEADER);
				if (key != null && !key.isBlank()) {
					return key.trim();
				}
			}
			return standard.resolve(request);
		};
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	PathErrorFormat anthropicErrorFormat() {
		return new PathErrorFormat(PATTERN, MediaType.APPLICATION_JSON, AnthropicError.class, AnthropicError::of);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	PathAuthenticationEntryPoint anthropicUnauthenticated(JsonMapper json) {
		return new PathAuthenticationEntryPoint(PATTERN, (request, response, ex) -> {
			boolean presented = request.getHeader(API_KEY_HEADER) != null
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
			response.setStatus(401);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			json.writeValue(response.getOutputStream(), AnthropicError.of(401, presented
					? "invalid x-api-key: the key is unknown, expired or revoked. Create one with POST /api/v1/api-keys."
					: "x-api-key header is required: send a Parley API key (pk_...)."));
		});
	}

	private static boolean onPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PATH) || path.startsWith(PATH + "/");
	}
}
