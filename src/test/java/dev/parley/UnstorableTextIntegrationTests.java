package dev.parley;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.parley.platform.JsonDocument;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text PostgreSQL cannot store (U+0000, and unpaired surrogates, which have no UTF-8 form) is
 * refused with a 400 naming the field, on every route and in every kind of input, without a stack
 * trace in the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UnstorableTextIntegrationTests {

	private static final String NUL = "\u0000";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApiClient api;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	ApiClient.Session session;

	@BeforeEach
	void register() {
		session = api.register();
	}

	/** Walks every route of the API, a NUL in every string it takes (body, query, form), and expects 400s. */
	@Test
	void everyRouteRefusesNulInEveryStringItTakes(CapturedOutput output) {
		List<String> failures = new ArrayList<>();
		int tried = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> route : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = route.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("dev.parley")) {
				continue;
			}
			RequestMappingInfo info = route.getKey();
			for (String pattern : info.getPatternValues()) {
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					// A fresh session each time: a route that wrongly accepted the NUL (logout) must not spoil the others.
					session = api.register();
					Response response = tryWithNul(method.name(), path, handler, info);
					if (response == null) {
						continue;
					}
					tried++;
					if (response.status() != 400 || !namesAField(response.json())) {
						failures.add(method + " " + pattern + " -> " + response.status() + " " + response.body());
					}
				}
			}
		}
		assertThat(tried).isGreaterThanOrEqualTo(20);
		assertThat(failures).isEmpty();
		assertThat(output.getAll()).doesNotContain("Unhandled exception", "\tat ", "PSQLException");
	}

	@Test
	void registerAndLoginNameTheField() {
		assertField(api.post("/api/v1/auth/register", null,
				map("email", "a" + NUL + "@example.com", "password", ApiClient.Session.PASSWORD)), "email");
		assertField(api.post("/api/v1/auth/login", null, map("email", session.email(), "password", "x" + NUL)),
				"password");
		Response form = api.raw("POST", "/api/v1/auth/login", null, MediaType.APPLICATION_FORM_URLENCODED_VALUE,
				"username=%00admin&password=secret");
		assertField(form, "username");
	}

	@Test
	void freeJsonObjectsAreCheckedInNestedValuesAndKeys() {
		assertField(api.patch("/api/v1/users/me", session.accessToken(),
				map("preferences", map("theme", map("colours", List.of("red", "b" + NUL))))),
				"preferences.theme.colours[1]");
		assertField(api.patch("/api/v1/users/me", session.accessToken(),
				map("preferences", map("theme", map("k" + NUL, 1)))), "preferences.theme");
		Response fine = api.patch("/api/v1/users/me", session.accessToken(),
				map("preferences", map("theme", map("colours", List.of("red", "blue")))));
		assertThat(fine.status()).as(fine.body()).isEqualTo(200);
	}

	@Test
	void unpairedSurrogatesAreRefusedAndPairedOnesKept() {
		assertField(api.raw("POST", "/api/v1/chats", session.accessToken(), "application/json",
				"{\"title\": \"broken \\ud800 half\"}"), "title");
		Response emoji = api.raw("POST", "/api/v1/chats", session.accessToken(), "application/json",
				"{\"title\": \"tram \\ud83d\\ude8b\"}");
		assertThat(emoji.status()).as(emoji.body()).isEqualTo(201);
		assertThat(emoji.json().get("title").asString()).isEqualTo("tram \ud83d\ude8b");
	}

	@Test
	void queryParametersNameTheParameter() {
		assertField(api.get("/api/v1/chats?q=%00", session.accessToken()), "q");
		assertField(api.get("/api/v1/chats?q=ok&cursor=%00", session.accessToken()), "cursor");
	}

	@Test
	void openAiRoutesAnswerInOpenAiShape() {
		Response response = api.post("/v1/chat/completions", session.accessToken(),
				map("model", "local/echo", "messages", List.of(map("role", "user", "content", "hi" + NUL))));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("error").get("param").asString()).isEqualTo("messages[0].content");
		assertThat(response.json().get("error").get("type").asString()).isEqualTo("invalid_request_error");

		Response parts = api.post("/v1/chat/completions", session.accessToken(), map("model", "local/echo",
				"messages", List.of(map("role", "user", "content", List.of(map("type", "text", "text", NUL))))));
		assertThat(parts.status()).as(parts.body()).isEqualTo(400);
		assertThat(parts.json().get("error").get("param").asString()).isEqualTo("messages[0].content[0].text");
	}

	private Response tryWithNul(String method, String path, HandlerMethod handler, RequestMappingInfo info) {
		boolean form = info.getConsumesCondition()
			.getConsumableMediaTypes()
			.contains(MediaType.APPLICATION_FORM_URLENCODED);
		Map<String, Object> body = null;
		List<String> params = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				Object value = nulValue(parameter.getGenericParameterType(), Set.of());
				if (value instanceof Map<?, ?> fields && !fields.isEmpty()) {
					@SuppressWarnings("unchecked")
					Map<String, Object> typed = (Map<String, Object>) fields;
					body = typed;
				}
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && parameter.getParameterType() == String.class) {
				String name = !param.name().isEmpty() ? param.name()
						: !param.value().isEmpty() ? param.value() : parameter.getParameterName();
				params.add(name);
			}
		}
		if (body == null && params.isEmpty()) {
			return null;
		}
		String encoded = params.stream().map(name -> name + "=" + URLEncoder.encode("x" + NUL, StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = api.request(form || encoded.isEmpty() ? path : path + "?" + encoded,
				session.accessToken());
		if (form) {
			request.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				.method(method, HttpRequest.BodyPublishers.ofString(encoded));
		}
		else if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return api.send(request);
	}

	/** A JSON value of the shape {@code type} reads, with a NUL in every string it has. */
	private static Object nulValue(Type type, Set<Class<?>> seen) {
		if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
			Object element = nulValue(generic.getActualTypeArguments()[0], seen);
			return element == null ? null : List.of(element);
		}
		if (!(type instanceof Class<?> cls)) {
			return null;
		}
		if (cls == String.class) {
			return "x" + NUL;
		}
		if (cls == JsonNode.class || cls == JsonDocument.class) {
			return map("key", "x" + NUL);
		}
		if (cls.isRecord() && !seen.contains(cls)) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (RecordComponent component : cls.getRecordComponents()) {
				Object value = nulValue(component.getGenericType(), Set.of(cls));
				if (value != null) {
					fields.put(dev.parley.platform.Problems.wireName(component.getName()), value);
				}
			}
			return fields;
		}
		return null;
	}

	private static boolean namesAField(JsonNode body) {
		if ("error".equals(body.path("type").asString(null)) && body.path("error").isObject()) {
			// Anthropic's shape has no param: the field leads the message ("system: must not contain ...").
			return body.get("error").path("message").asString("").matches("[A-Za-z_][\\w.\\[\\]]*: .+");
		}
		if (body.has("error")) {
			return body.get("error").hasNonNull("param");
		}
		return body.has("errors") && !body.get("errors").isEmpty() && body.get("errors").get(0).hasNonNull("field");
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}
}
