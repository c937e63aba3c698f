package dev.parley.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code TRACE} (which would echo the request, its credentials included) with a 405 in the
 * API's error shape. Runs inside the security filter chain, after its headers writer, so the
 * refusal carries the request id and the security headers of every other response; Tomcat, which
 * would otherwise refuse it bare, lets it through ({@code allowTrace}).
 */
final class TraceRefusalFilter extends OncePerRequestFilter {

	private final ProblemWriter problemWriter;

	TraceRefusalFilter(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"TRACE".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
		problemWriter.write(request, response, Problems.of(ProblemKind.METHOD_NOT_ALLOWED, "TRACE is not allowed."));
	}
}
