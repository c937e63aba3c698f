package dev.parley.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Lets a Prometheus scraper in with {@code PARLEY_METRICS_TOKEN} as its bearer token, on the
 * operations paths only ({@code /metrics}, {@code /health/**}): there it authenticates a caller
 * with the role {@value #ROLE} and no user, so it can read metrics and health components and
 * nothing else. Any other bearer value, and every bearer value elsewhere, goes to the module that
 * turns bearer values into users. The comparison takes the same time whatever the value; without a
 * configured token no value matches.
 */
final class MetricsTokenAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	static final String ROLE = "METRICS";

	private static final RequestMatcher OPERATIONS_PATHS = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern("/metrics"), PathPatternRequestMatcher.pathPattern("/health"),
			PathPatternRequestMatcher.pathPattern("/health/**"));

	private final AuthenticationManagerResolver<HttpServletRequest> users;

	private final byte[] tokenDigest;

	MetricsTokenAuthentication(AuthenticationManagerResolver<HttpServletRequest> users, String metricsToken) {
		this.users = users;
		this.tokenDigest = metricsToken == null || metricsToken.isBlank() ? null : sha256(metricsToken);
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		AuthenticationManager userAuthentication = users.resolve(request);
		if (tokenDigest == null || !OPERATIONS_PATHS.matches(request)) {
			return userAuthentication;
		}
		return authentication -> {
			String bearer = ((BearerTokenAuthenticationToken) authentication).getToken();
			if (MessageDigest.isEqual(tokenDigest, sha256(bearer))) {
				return UsernamePasswordAuthenticationToken.authenticated("metrics-token", null,
						List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
			}
			return userAuthentication.authenticate(authentication);
		};
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}
}
