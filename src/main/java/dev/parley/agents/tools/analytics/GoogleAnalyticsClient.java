package dev.parley.agents.tools.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.platform.outbound.OutboundAddressGuard;
import dev.parley.platform.outbound.OutboundAddressRefused;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GA4 Data API over plain REST. An access token comes from the key's {@code token_uri} for a
 * service-account JWT-bearer assertion (RS256, scope {@value #SCOPE}), and is reused until a minute
 * before it expires, or until the API rejects it. The {@code token_uri} came with the user's key,
 * so that call goes through the {@link OutboundAddressGuard} (Apache HttpClient, whose resolver it
 * plugs into) and follows no redirect; the API's base URL is the operator's setting. Neither the
 * assertion nor a token is logged, except by Apache's wire log ({@code org.apache.hc.client5.http.wire}
 * at DEBUG), which dumps whatever crosses the connection.
 */
@Component
class GoogleAnalyticsClient {

	static final String SCOPE = "https://www.googleapis.com/auth/analytics.readonly";

	static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

	/** A token this close to its expiry is not used any more. */
	static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

	private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

	private static final int LONGEST_BODY = 4 << 20;

	// Built on the first report, not at start-up: each client loads and initialises TLS (the JDK's trust store,
	// twice) and the JDK one starts a selector thread, which an idle server has no use for
	// (bench/README.md, "Idle memory, fourth pass").
	private final SingletonSupplier<RestClient> tokenHttp;

	private final SingletonSupplier<RestClient> api;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<UUID, AccessToken> tokens = new ConcurrentHashMap<>();

	GoogleAnalyticsClient(AnalyticsProperties properties, OutboundAddressGuard guard, JsonMapper json, Clock clock) {
		this.tokenHttp = SingletonSupplier.of(
				() -> RestClient.builder().requestFactory(guarded(properties.timeout(), guard)).build());
		this.api = SingletonSupplier.of(() -> api(properties));
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs a report on the connection's property.
	 * @throws GoogleRefused when the token endpoint or the API refuses, or cannot be reached
	 */
	JsonNode runReport(DataConnection connection, ServiceAccountKey key, ReportRequest report) throws GoogleRefused {
		String body = json.writeValueAsString(body(report));
		Answer answer = post(connection, key, body, token(connection.id(), key));
		if (answer.status() == 401) {
			// Revoked or expired early: one new token, one more try.
			tokens.remove(connection.id());
			answer = post(connection, key, body, token(connection.id(), key));
		}
		if (answer.status() / 100 != 2) {
			throw new GoogleRefused("Google Analytics refused the report (" + answer.status() + apiStatus(answer.body())
					+ "): " + apiMessage(answer.body()));
		}
		try {
			return json.readTree(answer.body());
		}
		catch (JacksonException ex) {
			throw new GoogleRefused("Google Analytics answered something that is not JSON");
		}
	}

	private Answer post(DataConnection connection, ServiceAccountKey key, String body, String token)
			throws GoogleRefused {
		try {
			return api.obtain().post()
				.uri("/v1beta/properties/{id}:runReport", connection.propertyId())
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> new Answer(response.getStatusCode().value(), read(response.getBody())));
		}
		catch (ResourceAccessException ex) {
			throw new GoogleRefused("Google Analytics could not be reached: " + ex.getMostSpecificCause().getClass().getSimpleName());
		}
	}

	private String token(UUID connectionId, ServiceAccountKey key) throws GoogleRefused {
		Instant now = clock.instant();
		AccessToken cached = tokens.get(connectionId);
		if (cached != null && now.plus(REFRESH_MARGIN).isBefore(cached.expiresAt())) {
			return cached.value();
		}
		tokens.values().removeIf(token -> !now.isBefore(token.expiresAt()));
		AccessToken fresh = exchange(key, now);
		tokens.put(connectionId, fresh);
		return fresh.value();
	}

	private AccessToken exchange(ServiceAccountKey key, Instant now) throws GoogleRefused {
		// Bytes, not a map or a string: the client logs a body it writes, and the assertion is a secret.
		byte[] form = ("grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8) + "&assertion="
				+ assertion(key, now)).getBytes(StandardCharsets.US_ASCII);
		Answer answer;
		try {
			answer = tokenHttp.obtain().post()
				.uri(key.tokenUri())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.exchange((request, response) -> new Answer(response.getStatusCode().value(), read(response.getBody())));
		}
		catch (ResourceAccessException ex) {
			if (refusedByGuard(ex)) {
				throw new GoogleRefused("the key's token_uri (" + key.tokenUri().getHost()
						+ ") is an address this server does not call");
			}
			throw new GoogleRefused("the key's token_uri (" + key.tokenUri().getHost() + ") could not be reached");
		}
		JsonNode node = parse(answer.body());
		if (answer.status() / 100 != 2) {
			String error = node.path("error").asString("");
			String description = node.path("error_description").asString("");
			throw new GoogleRefused("Google refused the service account key (" + answer.status()
					+ (error.isEmpty() ? "" : " " + error) + ")" + (description.isEmpty() ? "" : ": " + description));
		}
		String value = node.path("access_token").asString("");
		long seconds = node.path("expires_in").asLong(3600);
		if (value.isEmpty()) {
			throw new GoogleRefused("the token endpoint answered without an access_token");
		}
		return new AccessToken(value, now.plusSeconds(seconds));
	}

	private static String assertion(ServiceAccountKey key, Instant now) throws GoogleRefused {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(key.clientEmail())
			.audience(key.tokenUri().toString())
			.claim("scope", SCOPE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(key.privateKeyId())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(key.privateKey()));
		}
		catch (JOSEException ex) {
			throw new GoogleRefused("the service account's private key cannot sign (" + ex.getMessage() + ")");
		}
		return jwt.serialize();
	}

	private ObjectNode body(ReportRequest report) {
		ObjectNode body = json.createObjectNode();
		ObjectNode range = body.putArray("dateRanges").addObject();
		range.put("startDate", report.startDate());
		range.put("endDate", report.endDate());
		ArrayNode dimensions = body.putArray("dimensions");
		report.dimensions().forEach(name -> dimensions.addObject().put("name", name));
		ArrayNode metrics = body.putArray("metrics");
		report.metrics().forEach(name -> metrics.addObject().put("name", name));
		body.put("limit", report.limit());
		return body;
	}

	private JsonNode parse(String body) {
		try {
			JsonNode node = json.readTree(body);
			return node == null ? json.createObjectNode() : node;
		}
		catch (JacksonException ex) {
			return json.createObjectNode();
		}
	}

	private String apiStatus(String body) {
		String status = parse(body).path("error").path("status").asString("");
		return status.isEmpty() ? "" : " " + status;
	}

	private String apiMessage(String body) {
		String message = parse(body).path("error").path("message").asString("");
		return message.isEmpty() ? "no reason given" : message;
	}

	private static String read(InputStream body) throws IOException {
		return new String(body.readNBytes(LONGEST_BODY), StandardCharsets.UTF_8);
	}

	private static boolean refusedByGuard(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OutboundAddressRefused) {
				return true;
			}
		}
		return false;
	}

	private static RestClient api(AnalyticsProperties properties) {
		// The JDK client: unlike Apache's, it never logs the Authorization header (at any level).
		JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		jdk.setReadTimeout(properties.timeout());
		return RestClient.builder().baseUrl(properties.apiBaseUrl().toString()).requestFactory(jdk).build();
	}

	private static HttpComponentsClientHttpRequestFactory guarded(Duration timeout, OutboundAddressGuard guard) {
		Timeout limit = Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS);
		PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build());
		connections.setDnsResolver(new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return guard.resolve(host).toArray(InetAddress[]::new);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}
		});
		CloseableHttpClient client = HttpClients.custom()
			.setConnectionManager(connections.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.build();
		return new HttpComponentsClientHttpRequestFactory(client);
	}

	private record Answer(int status, String body) {
	}

	private record AccessToken(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "AccessToken[expiresAt=" + expiresAt + "]";
		}
	}
}
