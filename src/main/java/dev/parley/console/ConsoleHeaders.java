package dev.parley.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers that confine the console: scripts and styles only from Parley itself (no inline
 * script, no {@code eval}), images only from Parley or {@code data:}/{@code blob:} URLs (so a model's
 * Markdown cannot make the browser fetch an address that leaks the conversation), connections only
 * back to Parley (HTTP and its WebSocket), no framing, no plugins, no referrer.
 */
class ConsoleHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'none'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'",
			"worker-src 'self' blob:", "manifest-src 'self'", "base-uri 'none'", "form-action 'self'",
			"frame-ancestors 'none'", "object-src 'none'");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
		chain.doFilter(request, response);
	}
}
