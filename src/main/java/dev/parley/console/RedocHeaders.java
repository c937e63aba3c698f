package dev.parley.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API reference's own policy, looser than the console's in two ways ReDoc needs: inline styles
 * (it styles itself with styled-components) and {@code blob:} workers (its search index). Scripts
 * still come only from Parley itself (ReDoc ships in the jar, under /vendor/redoc), connections only
 * go back to it (for /openapi.json), and the page holds no token and no user data.
 */
class RedocHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'none'", "script-src 'self'",
			"style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
			"connect-src 'self'", "worker-src 'self' blob:", "base-uri 'none'", "form-action 'none'",
			"frame-ancestors 'none'", "object-src 'none'");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
		chain.doFilter(request, response);
	}
}
