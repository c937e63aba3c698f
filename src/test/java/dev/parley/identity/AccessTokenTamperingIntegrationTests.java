package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forged access tokens, each differing from a valid one in one respect, are all refused with a 401
 * problem. The test signs with the key the test profile configures.
 */
@IntegrationTest
class AccessTokenTamperingIntegrationTests {

	private static final byte[] KEY = "parley-test-signing-key-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);

	@Autowired
	ApiClient api;

	ApiClient.Session session;

	String sessionId;

	@BeforeEach
	void register() throws Exception {
		session = api.register();
		sessionId = SignedJWT.parse(session.accessToken()).getJWTClaimsSet().getStringClaim("sid");
	}

	@Test
	void aTokenSignedLikeTheServerDoesIsAccepted() throws Exception {
		// Guards the other cases: a forgery built the same way but correct must pass.
		assertThat(status(sign(validClaims().build(), KEY, "at+jwt"))).isEqualTo(200);
	}

	@Test
	void refusesUnsignedTokens() {
		String none = new PlainJWT(validClaims().build()).serialize();
		assertRefused(none);
	}

	@Test
	void refusesTokensSignedWithAnotherKey() throws Exception {
		assertRefused(sign(validClaims().build(), "another-key-that-is-also-long-enough-32b".getBytes(), "at+jwt"));
	}

	@Test
	void refusesWrongAudience() throws Exception {
		assertRefused(sign(validClaims().audience(List.of("someone-else")).build(), KEY, "at+jwt"));
	}

	@Test
	void refusesWrongIssuer() throws Exception {
		assertRefused(sign(validClaims().issuer("https://evil.example").build(), KEY, "at+jwt"));
	}

	@Test
	void refusesExpiredTokens() throws Exception {
		Instant past = Instant.now().minusSeconds(3600);
		assertRefused(sign(validClaims().issueTime(Date.from(past.minusSeconds(900))).expirationTime(Date.from(past)).build(),
				KEY, "at+jwt"));
	}

	@Test
	void refusesTokensOfAnotherType() throws Exception {
		assertRefused(sign(validClaims().build(), KEY, "JWT"));
	}

	@Test
	void refusesTokensWithAChangedPayload() {
		String[] parts = session.accessToken().split("\\.");
		String otherUser = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace(session.userId(), UUID.randomUUID().toString())
				.getBytes(StandardCharsets.UTF_8));
		assertRefused(parts[0] + "." + otherUser + "." + parts[2]);
	}

	@Test
	void refusesGarbage() {
		assertRefused("not.a.jwt");
		assertRefused("");
	}

	private void assertRefused(String token) {
		Response response = api.get("/api/v1/auth/me", token);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	private int status(String token) {
		return api.get("/api/v1/auth/me", token).status();
	}

	private JWTClaimsSet.Builder validClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer("parley")
			.audience("parley-api")
			.subject(session.userId())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim("client_id", "parley")
			.claim("sid", sessionId)
			.claim("role", "user");
	}

	private static String sign(JWTClaimsSet claims, byte[] key, String type) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(type)).build(),
				claims);
		jwt.sign(new MACSigner(key));
		return jwt.serialize();
	}
}
