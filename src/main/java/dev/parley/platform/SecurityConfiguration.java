package dev.parley.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The one security filter chain: stateless bearer authentication for the API, public docs, health,
 * metrics and the paths modules declare as {@link PublicEndpoints}. How a bearer value becomes a
 * user is the identity module's business; it provides the {@link AuthenticationManagerResolver}.
 * The routes modules declare as {@link SessionOnlyEndpoints} need an authentication holding
 * {@link SessionOnlyEndpoints#AUTHORITY}; other callers get a 403 problem saying so.
 * A 401 is an RFC 9457 problem unless a module declared a {@link PathAuthenticationEntryPoint} for
 * the request's path.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String[] ALWAYS_PUBLIC = { "/error", "/docs", "/docs/**", "/swagger-ui/**", "/redoc", "/redoc.html",
			"/openapi.json", "/openapi.json/**", "/health", "/health/**", "/metrics" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
			List<SessionOnlyEndpoints> sessionOnlyEndpoints,
			AuthenticationManagerResolver<HttpServletRequest> bearerAuthentication, ProblemWriter problemWriter,
			ObjectProvider<PathAuthenticationEntryPoint> pathEntryPoints) throws Exception {
		AuthenticationEntryPoint unauthenticated = unauthenticated(problemWriter, pathEntryPoints.orderedStream().toList());
		String[] modulePaths = publicEndpoints.stream().flatMap(e -> e.patterns().stream()).toArray(String[]::new);
		RequestMatcher sessionOnly = sessionOnly(sessionOnlyEndpoints);
		AccessDeniedHandler forbidden = forbidden(problemWriter, sessionOnly);
		return http.csrf(AbstractHttpConfigurer::disable)
			.cors(Customizer.withDefaults())
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.requestMatchers(ALWAYS_PUBLIC)
				.permitAll()
				.requestMatchers(modulePaths)
				.permitAll()
				.requestMatchers(sessionOnly)
				.hasAuthority(SessionOnlyEndpoints.AUTHORITY)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(bearerAuthentication)
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden))
			.build();
	}

	private static RequestMatcher sessionOnly(List<SessionOnlyEndpoints> declared) {
		List<RequestMatcher> matchers = declared.stream()
			.flatMap(endpoints -> endpoints.endpoints().stream())
			.<RequestMatcher>map(endpoint -> PathPatternRequestMatcher.pathPattern(endpoint.method(), endpoint.pattern()))
			.toList();
		return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
	}

	private static AccessDeniedHandler forbidden(ProblemWriter problemWriter, RequestMatcher sessionOnly) {
		return (request, response, ex) -> problemWriter.write(response, Problems.of(ProblemKind.FORBIDDEN,
				sessionOnly.matches(request)
						? "This route needs an access token from a login; an API key may not call it."
						: "You may not do this."));
	}

	private static AuthenticationEntryPoint unauthenticated(ProblemWriter problemWriter,
			List<PathAuthenticationEntryPoint> pathEntryPoints) {
		AuthenticationEntryPoint problem = problem(problemWriter);
		if (pathEntryPoints.isEmpty()) {
			return problem;
		}
		List<RequestMatcherEntry<AuthenticationEntryPoint>> entries = pathEntryPoints.stream()
			.map(path -> new RequestMatcherEntry<>(PathPatternRequestMatcher.pathPattern(path.pathPattern()),
					path.entryPoint()))
			.toList();
		return new DelegatingAuthenticationEntryPoint(problem, entries);
	}

	private static AuthenticationEntryPoint problem(ProblemWriter problemWriter) {
		return (request, response, ex) -> {
			boolean badToken = ex instanceof InvalidBearerTokenException
					|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
			problemWriter.write(response, Problems.of(ProblemKind.UNAUTHENTICATED,
					badToken ? "The bearer token is invalid, expired or revoked." : "This endpoint needs a bearer token."));
		};
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(PlatformProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(properties.corsOrigins());
			cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
			cors.setAllowedHeaders(List.of("*"));
			cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}
}
