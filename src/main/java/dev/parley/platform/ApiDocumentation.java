package dev.parley.platform;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /openapi.json} (Swagger UI at {@code /docs}, ReDoc at
 * {@code /redoc}): bearer authentication, the OAuth2 password flow so the Authorize button logs in,
 * and the error responses of every operation.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearer";

	static final String PASSWORD_FLOW = "password";

	@Bean
	OpenAPI parleyOpenApi() {
		SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.description("An access token from /api/v1/auth/login or /api/v1/auth/register, or an API key "
					+ "from /api/v1/api-keys.");
		SecurityScheme passwordFlow = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
			.description("Log in with email (or username) and password.")
			.flows(new OAuthFlows().password(new OAuthFlow().tokenUrl("/api/v1/auth/login")));
		return new OpenAPI()
			.info(new Info().title("Parley API")
				.version("v1")
				.description("A self-hostable server for AI chat and agent applications. JSON is snake_case, "
						+ "errors are RFC 9457 problems (application/problem+json), lists are cursor-paginated.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BEARER, bearer).addSecuritySchemes(PASSWORD_FLOW, passwordFlow))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(PASSWORD_FLOW));
	}

	/** The error responses of every operation (see {@link ProblemDocumentation}). */
	@Bean
	OpenApiCustomizer problemDocumentation(List<PublicEndpoints> publicEndpoints, ObjectProvider<PathErrorFormat> formats) {
		List<String> publicPatterns = Stream.concat(Arrays.stream(SecurityConfiguration.ALWAYS_PUBLIC),
				publicEndpoints.stream().flatMap(endpoints -> endpoints.patterns().stream()))
			.toList();
		return new ProblemDocumentation(publicPatterns, formats.orderedStream().toList());
	}

	/** The schemas show snake_case names, as the JSON on the wire has them. */
	@Bean
	ModelResolver snakeCaseModelResolver() {
		ObjectMapper mapper = Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
		return new ModelResolver(mapper);
	}
}
