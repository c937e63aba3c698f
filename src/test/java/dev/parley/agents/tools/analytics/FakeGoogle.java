package dev.parley.agents.tools.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's OAuth token endpoint and the GA4 Data API's runReport, over real HTTP on loopback. The
 * token endpoint takes only JWT-bearer assertions signed by a key it knows (by client_email) for
 * itself as audience; the API takes only tokens it issued and not revoked, and answers per property:
 * {@value #PROPERTY} has rows, {@value #FORBIDDEN_PROPERTY} is not the account's, and a metric named
 * {@code notAMetric} is a bad request.
 */
final class FakeGoogle implements AutoCloseable {

	static final String PROPERTY = "123456789";

	static final String FORBIDDEN_PROPERTY = "403403";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, RSAPublicKey> accounts = new ConcurrentHashMap<>();

	private final Set<String> validTokens = ConcurrentHashMap.newKeySet();

	private final AtomicInteger issued = new AtomicInteger();

	final List<JWTClaimsSet> assertions = new CopyOnWriteArrayList<>();

	/** The assertions as sent, and the tokens issued for them: secrets that must not be logged. */
	final List<String> sentSecrets = new CopyOnWriteArrayList<>();

	final List<JsonNode> reportBodies = new CopyOnWriteArrayList<>();

	final List<String> reportTokens = new CopyOnWriteArrayList<>();

	volatile long expiresIn = 3600;

	FakeGoogle() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/token", this::token);
		server.createContext("/v1beta/properties/", this::runReport);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	String tokenUri() {
		return baseUrl() + "/token";
	}

	int tokensIssued() {
		return issued.get();
	}

	/** Every token issued so far stops working, as after a revocation. */
	void revokeTokens() {
		validTokens.clear();
	}

	/** A new service account this fake knows, as the key file Google would hand out. */
	String newServiceAccount(String email) {
		return keyFile(email, tokenUri(), true);
	}

	/** A key file whose key this fake does not know (another account's key under this e-mail). */
	String unknownKey(String email) {
		return keyFile(email, tokenUri(), false);
	}

	String keyFile(String email, String tokenUri, boolean known) {
		KeyPair pair = rsa();
		if (known) {
			accounts.put(email, (RSAPublicKey) pair.getPublic());
		}
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		Map<String, String> file = new HashMap<>();
		file.put("type", "service_account");
		file.put("project_id", "parley-test");
		file.put("private_key_id", "kid-" + email.hashCode());
		file.put("private_key", pem);
		file.put("client_email", email);
		file.put("client_id", "1234567890");
		file.put("token_uri", tokenUri);
		return JSON.writeValueAsString(file);
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (!"POST".equals(exchange.getRequestMethod())
				|| !GoogleAnalyticsClient.GRANT_TYPE.equals(form.get("grant_type")) || form.get("assertion") == null) {
			send(exchange, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type\"}");
			return;
		}
		try {
			SignedJWT jwt = SignedJWT.parse(form.get("assertion"));
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			RSAPublicKey key = accounts.get(claims.getIssuer());
			boolean valid = key != null && JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
					&& jwt.verify(new RSASSAVerifier(key)) && claims.getAudience().equals(List.of(tokenUri()))
					&& claims.getExpirationTime().getTime() - claims.getIssueTime().getTime() <= 3_600_000;
			if (!valid) {
				send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
				return;
			}
			assertions.add(claims);
			sentSecrets.add(form.get("assertion"));
		}
		catch (Exception ex) {
			send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Malformed assertion\"}");
			return;
		}
		String token = "ya29.fake-" + issued.incrementAndGet();
		validTokens.add(token);
		sentSecrets.add(token);
		send(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}");
	}

	private void runReport(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String property = path.substring("/v1beta/properties/".length()).replace(":runReport", "");
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String token = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
		if (!validTokens.contains(token)) {
			send(exchange, 401, error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"));
			return;
		}
		JsonNode body = JSON.readTree(exchange.getRequestBody());
		reportTokens.add(token);
		reportBodies.add(body);
		if (property.equals(FORBIDDEN_PROPERTY)) {
			send(exchange, 403, error(403, "User does not have sufficient permissions for this property.\n"
					+ "To learn more about Property ID, see https://developers.google.com/analytics.", "PERMISSION_DENIED"));
			return;
		}
		if (body.path("metrics").toString().contains("notAMetric")) {
			send(exchange, 400, error(400, "Field notAMetric is not a valid metric. For a list of valid dimensions "
					+ "and metrics, see https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema ",
					"INVALID_ARGUMENT"));
			return;
		}
		List<String> dimensions = new ArrayList<>();
		body.path("dimensions").forEach(d -> dimensions.add(d.path("name").asString()));
		List<String> metrics = new ArrayList<>();
		body.path("metrics").forEach(m -> metrics.add(m.path("name").asString()));
		String[][] rows = { { "France", "12" }, { "Japan", "7" }, { "Peru", "3" } };
		int limit = Math.min(rows.length, body.path("limit").asInt(rows.length));
		StringBuilder answer = new StringBuilder("{\"dimensionHeaders\":[");
		answer.append(String.join(",", dimensions.stream().map(d -> "{\"name\":\"" + d + "\"}").toList()));
		answer.append("],\"metricHeaders\":[");
		answer.append(String.join(",", metrics.stream().map(m -> "{\"name\":\"" + m + "\",\"type\":\"TYPE_INTEGER\"}").toList()));
		answer.append("],\"rows\":[");
		List<String> rendered = new ArrayList<>();
		for (int i = 0; i < limit; i++) {
			rendered.add("{\"dimensionValues\":[{\"value\":\"" + rows[i][0] + "\"}],\"metricValues\":[{\"value\":\""
					+ rows[i][1] + "\"}]}");
		}
		answer.append(String.join(",", rendered)).append("],\"rowCount\":").append(rows.length);
		answer.append(",\"metadata\":{\"currencyCode\":\"EUR\",\"timeZone\":\"Europe/Paris\"},\"kind\":\"analyticsData#runReport\"}");
		send(exchange, 200, answer.toString());
	}

	private static String error(int code, String message, String status) {
		return JSON.writeValueAsString(Map.of("error", Map.of("code", code, "message", message, "status", status)));
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
