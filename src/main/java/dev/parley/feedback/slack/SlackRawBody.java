package dev.parley.feedback.slack;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the raw body of Slack's callbacks for the signature check, read before anything parses the
 * form (the servlet container would consume it for its parameters, and Spring re-encodes a form it
 * hands on as a body). Only {@code POST} {@value SlackInteractionsController#PATH} is read here.
 */
class SlackRawBody extends OncePerRequestFilter {

	static final String ATTRIBUTE = SlackRawBody.class.getName() + ".bytes";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !SlackInteractionsController.PATH.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(ATTRIBUTE, request.getInputStream().readAllBytes());
		chain.doFilter(request, response);
	}

	static byte[] of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof byte[] bytes ? bytes : new byte[0];
	}
}
