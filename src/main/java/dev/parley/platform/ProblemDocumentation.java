package dev.parley.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Adds to every documented operation the error responses its route can give, derived from what the
 * route is: 401 unless it is public, 404 when its path names a resource, 400 when it takes input,
 * 413 when it takes a body. Responses a controller declares itself ({@code @ApiResponse(responseCode
 * = "409", description = ...)}, for what only its code knows) get the same error content. The
 * content is the {@code Problem} schema ({@code application/problem+json}), or on paths with a
 * {@link PathErrorFormat} that format's body.
 */
final class ProblemDocumentation implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	private static final String REF = "#/components/schemas/";

	private record Format(PathPattern pattern, String contentType, Class<?> bodyType) {
	}

	private final Predicate<String> isPublic;

	private final List<Format> formats;

	ProblemDocumentation(List<String> publicPatterns, List<PathErrorFormat> formats) {
		List<PathPattern> patterns = publicPatterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.isPublic = path -> patterns.stream().anyMatch(pattern -> pattern.matches(PathContainer.parsePath(path)));
		this.formats = formats.stream()
			.map(format -> new Format(PathPatternParser.defaultInstance.parse(format.pathPattern()),
					format.contentType().toString(), format.bodyType()))
			.toList();
	}

	/**
	 * Runs when the description is first asked for: the formats' schemas are resolved here, not at
	 * start-up, since resolving them starts swagger's model converters (bench/README.md, issue 10).
	 */
	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		Map<Format, String> schemaNames = new LinkedHashMap<>();
		for (Format format : formats) {
			ResolvedSchema resolved = resolve(format.bodyType());
			openApi.getComponents().addSchemas(resolved.schema.getName(), resolved.schema);
			resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
			schemaNames.put(format, resolved.schema.getName());
		}
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> describeErrors(path, operation, schemaNames)));
	}

	private void describeErrors(String path, Operation operation, Map<Format, String> schemaNames) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		ApiResponses responses = operation.getResponses();
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		boolean body = operation.getRequestBody() != null;
		if (body || parameters.stream().anyMatch(parameter -> !"path".equals(parameter.getIn()))) {
			responses.putIfAbsent("400", new ApiResponse().description("The request is invalid; `errors` names every failing field"));
		}
		if (!isPublic.test(path)) {
			responses.putIfAbsent("401", new ApiResponse().description("No bearer token, or one that is invalid, expired or revoked"));
		}
		if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
			responses.putIfAbsent("404", new ApiResponse().description("No such resource, or it is not yours"));
		}
		if (body) {
			responses.putIfAbsent("413", new ApiResponse().description("The request body is larger than the server accepts (1 MiB)"));
		}
		Format format = formats.stream()
			.filter(candidate -> candidate.pattern().matches(PathContainer.parsePath(path)))
			.findFirst()
			.orElse(null);
		String contentType = format == null ? org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE
				: format.contentType();
		String schema = REF + (format == null ? PROBLEM : schemaNames.get(format));
		Map<String, ApiResponse> sorted = new LinkedHashMap<>();
		responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			if (isError(entry.getKey())) {
				entry.getValue().setContent(new Content().addMediaType(contentType,
						new MediaType().schema(new Schema<>().$ref(schema))));
			}
			sorted.put(entry.getKey(), entry.getValue());
		});
		responses.clear();
		responses.putAll(sorted);
	}

	private static boolean isError(String code) {
		return code.length() == 3 && (code.startsWith("4") || code.startsWith("5"));
	}

	private static ResolvedSchema resolve(Class<?> type) {
		return ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema().description("the field, as named on the wire"))
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("An RFC 9457 problem (application/problem+json)")
			.addProperty("type", new StringSchema().format("uri").description("what kind of problem: " + ProblemKind.TYPE_BASE + "…"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema().description("safe to show to the user"))
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("request_id", new StringSchema().description("the X-Request-Id of the request; quote it when reporting"))
			.addProperty("errors", new ArraySchema().items(fieldError).description("every invalid field, for validation problems"))
			.addProperty("retry_after", new IntegerSchema().description("seconds to wait, for 429 and 503"))
			.required(List.of("type", "title", "status"));
	}
}
