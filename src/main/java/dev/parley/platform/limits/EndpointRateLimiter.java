package dev.parley.platform.limits;

import java.util.ArrayList;
import java.util.List;

import dev.parley.platform.SessionOnlyEndpoints.Endpoint;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Takes the tokens of the {@link RateLimitedEndpoints} a request matches, once per request (not again
 * on the dispatches of a streamed answer), after security has authenticated it and before its
 * controller runs. A refusal is thrown as {@link RateLimitExceeded}, so the controller's own error
 * shape renders it (RFC 9457 under {@code /api}, OpenAI's under {@code /v1}).
 */
final class EndpointRateLimiter implements HandlerInterceptor {

	private record Route(@Nullable String method, PathPattern pattern, RateLimitedEndpoints limited) {

		boolean matches(HttpServletRequest request, PathContainer path) {
			return (method == null || method.equals(request.getMethod())) && pattern.matches(path);
		}
	}

	private final List<Route> routes;

	private final RateLimits limits;

	EndpointRateLimiter(List<RateLimitedEndpoints> declared, RateLimits limits) {
		this.limits = limits;
		this.routes = declared.stream()
			.flatMap(limited -> limited.endpoints().stream().map(endpoint -> route(endpoint, limited)))
			.toList();
	}

	private static Route route(Endpoint endpoint, RateLimitedEndpoints limited) {
		return new Route(endpoint.method() == null ? null : endpoint.method().name(),
				PathPatternParser.defaultInstance.parse(endpoint.pattern()), limited);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (routes.isEmpty() || request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		List<RateLimitState> taken = new ArrayList<>();
		for (Route route : routes) {
			if (route.matches(request, path)) {
				String key = key(route.limited().keyedBy(), request);
				if (key != null) {
					taken.add(limits.consume(route.limited().policy(), key));
				}
			}
		}
		RateLimitHeaders.write(response, taken);
		return true;
	}

	private static @Nullable String key(RateLimitedEndpoints.KeyedBy keyedBy, HttpServletRequest request) {
		return switch (keyedBy) {
			case CLIENT_ADDRESS -> request.getRemoteAddr();
			case CALLER -> {
				Authentication caller = SecurityContextHolder.getContext().getAuthentication();
				yield caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken ? null
						: caller.getName();
			}
		};
	}
}
