package dev.parley.platform;

import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * How errors look on the paths a module serves in another API's wire format (the OpenAI-compatible
 * {@code /v1}), where an RFC 9457 problem would not be understood. Modules declare beans of this
 * type; the platform renders every problem on a matching path with it, whether it comes from a
 * controller, from Spring MVC before any controller was picked (unknown path, wrong method), from
 * a filter (a body over the limit) or from the container's error dispatch.
 *
 * @param pathPattern a Spring path pattern such as {@code /v1/**}
 * @param contentType the media type of the rendered body
 * @param bodyType the type of the rendered body, whose schema the API documentation shows for these paths' errors
 * @param renderer turns the problem into the body to write as JSON; its status stays the response's
 */
public record PathErrorFormat(String pathPattern, MediaType contentType, Class<?> bodyType,
		Function<ProblemDetail, Object> renderer) {
}
