package dev.parley.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The one security filter chain: stateless bearer authentication for the API, public docs, health
 * (its status; its components for admins and the metrics token) and the paths modules declare as
 * {@link PublicEndpoints}. {@code /metrics} is for admins and {@code PARLEY_METRICS_TOKEN} only
 * ({@link MetricsTokenAuthentication}). How a bearer value becomes a user is the identity module's
 * business; it provides the {@link AuthenticationManagerResolver}. The routes modules declare as
 * {@link SessionOnlyEndpoints} need an authentication holding {@link SessionOnlyEndpoints#AUTHORITY};
 * other callers get a 403 problem saying so. Refusals are written by the {@link ProblemWriter}; a 401
 * is a problem unless a module declared a {@link PathAuthenticationEntryPoint} for the request's
 * path. {@code TRACE} is refused ({@link TraceRefusalFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String[] ALWAYS_PUBLIC = { "/error", "/docs", "/docs/**", "/swagger-ui/**", "/redoc", "/redoc.html",
			"/openapi.json", "/openapi.json/**", "/health", "/health/**" };

	/** The role of an admin's authentication (granted as {@code ROLE_ADMIN} by the identity module). */
	static final String ADMIN_ROLE = "ADMIN";

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
			List<SessionOnlyEndpoints> sessionOnlyEndpoints,
			AuthenticationManagerResolver<HttpServletRequest> bearerAuthentication, ProblemWriter problemWriter,
			ObjectProvider<PathAuthenticationEntryPoint> pathEntryPoints, PlatformProperties properties) throws Exception {
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
			.addFilterAfter(new TraceRefusalFilter(problemWriter), HeaderWriterFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(ALWAYS_PUBLIC)
				.permitAll()
				.requestMatchers("/metrics")
				.hasAnyRole(ADMIN_ROLE, MetricsTokenAuthentication.ROLE)
				.requestMatchers(modulePaths)
				.permitAll()
				.requestMatchers(sessionOnly)
				.hasAuthority(SessionOnlyEndpoints.AUTHORITY)
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(bearer -> bearer
				.authenticationManagerResolver(new MetricsTokenAuthentication(bearerAuthentication, properties.metricsToken()))
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
		return (request, response, ex) -> problemWriter.write(request, response, Problems.of(ProblemKind.FORBIDDEN,
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
			problemWriter.write(request, response, Problems.of(ProblemKind.UNAUTHENTICATED,
					badToken ? "The bearer token is invalid, expired or revoked." : "This endpoint needs a bearer token."));
		};
	}

	/**
	 * Spring Security observes nothing: with observations on (or only switched off by the
	 * {@code management.observations.enable.spring.security} predicate) it still wraps each of its
	 * filters and the authorization manager in an observation on every request, about 4 % of a chat
	 * list's CPU (bench/README.md). Requests stay measured as a whole ({@code http_server_requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** TRACE reaches the filters, which refuse it like any other request is refused (Tomcat's own 405 is bare). */
	@Bean
	TomcatConnectorCustomizer traceReachesTheFilters() {
		return connector -> connector.setAllowTrace(true);
	}

	/**
	 * The firewall refuses unknown methods before any header is written; TRACE is refused later, with
	 * them. Encoded slashes pass only under the prefixes modules declare ({@link EncodedSlashPaths}).
	 */
	@Bean
	HttpFirewall httpFirewall(List<EncodedSlashPaths> encodedSlashPaths) {
		StrictHttpFirewall firewall = strictFirewall();
		List<String> prefixes = encodedSlashPaths.stream().flatMap(paths -> paths.prefixes().stream()).toList();
		if (prefixes.isEmpty()) {
			return firewall;
		}
		StrictHttpFirewall slashes = strictFirewall();
		slashes.setAllowUrlEncodedSlash(true);
		return new HttpFirewall() {

			@Override
			public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
				String uri = request.getRequestURI();
				boolean allowed = uri != null && prefixes.stream().anyMatch(uri::startsWith);
				return (allowed ? slashes : firewall).getFirewalledRequest(request);
			}

			@Override
			public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
				return firewall.getFirewalledResponse(response);
			}
		};
	}

	/** Tomcat decodes an encoded slash the firewall let through ({@link EncodedSlashPaths}) instead of refusing it. */
	@Bean
	TomcatConnectorCustomizer encodedSlashesDecoded(List<EncodedSlashPaths> encodedSlashPaths) {
		return connector -> {
			if (!encodedSlashPaths.isEmpty()) {
				connector.setEncodedSolidusHandling("decode");
			}
		};
	}

	private static StrictHttpFirewall strictFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHttpMethods(List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"));
		firewall.setAllowedHeaderNames(HeaderText::allowedName);
		firewall.setAllowedHeaderValues(HeaderText::allowedValue);
		return firewall;
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(PlatformProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(properties.corsOrigins());
			cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
			cors.setAllowedHeaders(List.of("*"));
			cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "RateLimit", "RateLimit-Policy"));
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}
}
