package dev.parley.platform;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a problem as the API of the request's path speaks it: an RFC 9457 problem
 * ({@code application/problem+json}), or the {@link PathErrorFormat} a module declared for that
 * path. The one place every error response takes its shape, for controllers' exceptions, filters
 * (code that runs outside Spring MVC) and the container's error dispatch alike.
 */
@Component
public class ProblemWriter {

	private record Format(PathPattern pattern, PathErrorFormat format) {
	}

	private final JsonMapper jsonMapper;

	private final List<Format> formats;

	ProblemWriter(JsonMapper jsonMapper, ObjectProvider<PathErrorFormat> formats) {
		this.jsonMapper = jsonMapper;
		this.formats = formats.orderedStream()
			.map(format -> new Format(PathPatternParser.defaultInstance.parse(format.pathPattern()), format))
			.toList();
	}

	/** Writes the problem straight to a servlet response. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
		Problems.typed(problem);
		PathErrorFormat format = formatOf(request);
		response.setStatus(problem.getStatus());
		response.setContentType(format == null ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : format.contentType().toString());
		jsonMapper.writeValue(response.getOutputStream(), format == null ? problem : format.renderer().apply(problem));
	}

	/** The problem as a response entity, for Spring MVC's exception handlers and error controller. */
	ResponseEntity<Object> entity(HttpServletRequest request, ProblemDetail problem, HttpHeaders headers) {
		Problems.typed(Problems.withRequestId(problem));
		PathErrorFormat format = formatOf(request);
		// Set here, so the body is written in this type whatever the client accepts: a client that
		// asked for an event stream still gets the problem that stopped its request, not a 406.
		HttpHeaders withType = new HttpHeaders();
		withType.putAll(headers);
		withType.setContentType(format == null ? MediaType.APPLICATION_PROBLEM_JSON : format.contentType());
		return ResponseEntity.status(problem.getStatus())
			.headers(withType)
			.body(format == null ? problem : format.renderer().apply(problem));
	}

	/** The format declared for the request's path; {@code null} for RFC 9457. */
	private @Nullable PathErrorFormat formatOf(HttpServletRequest request) {
		if (formats.isEmpty()) {
			return null;
		}
		PathContainer path = PathContainer.parsePath(pathOf(request));
		return formats.stream()
			.filter(format -> format.pattern().matches(path))
			.map(Format::format)
			.findFirst()
			.orElse(null);
	}

	/** The path the client asked for, also while the container dispatches to {@code /error}. */
	private static String pathOf(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String value ? value : request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}
}
