package dev.parley.platform.flags;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.platform.PathErrorFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Errors under {@code /ofrep/**} in OFREP's shape, {@code {"errorCode", "errorDetails"}}, which
 * OpenFeature's OFREP providers read: a 400 naming fields is {@code INVALID_CONTEXT}, any other 400
 * (an unreadable body) {@code PARSE_ERROR}, everything else {@code GENERAL}.
 */
@Configuration(proxyBeanMethods = false)
class OfrepErrors {

	@Bean
	PathErrorFormat ofrepErrorFormat() {
		return new PathErrorFormat("/ofrep/**", MediaType.APPLICATION_JSON, OfrepError.class, OfrepErrors::render);
	}

	static Map<String, Object> render(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		String code = problem.getStatus() != 400 ? "GENERAL"
				: problem.getProperties() != null && problem.getProperties().containsKey("errors") ? "INVALID_CONTEXT"
						: "PARSE_ERROR";
		body.put("errorCode", code);
		body.put("errorDetails", problem.getDetail() == null ? problem.getTitle() : problem.getDetail());
		return body;
	}

	/**
	 * The documented schema of OFREP's errors (camelCase, as OFREP names them).
	 *
	 * @param key the flag's key, on a single flag's 404
	 */
	record OfrepError(@JsonProperty("key") @Nullable String key, @JsonProperty("errorCode") String errorCode,
			@JsonProperty("errorDetails") String errorDetails) {
	}
}
