package dev.parley.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.parley.platform.DevelopmentSecrets;
import dev.parley.platform.Ids;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies access tokens: JWTs of type {@code at+jwt} (RFC 9068) signed with HS256,
 * carrying {@code iss}, {@code aud}, {@code sub}, {@code sid} (the session), {@code role},
 * {@code iat}, {@code exp} and {@code jti}. Only HS256 is accepted, so {@code alg: none} and
 * algorithm swaps fail verification.
 */
@Component
class AccessTokens {

	static final String TYPE = "at+jwt";

	static final String SESSION_CLAIM = "sid";

	static final String ROLE_CLAIM = "role";

	static final String CLIENT_ID = "parley";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final IdentityProperties properties;

	private final Clock clock;

	AccessTokens(IdentityProperties properties, DevelopmentSecrets developmentSecrets, Clock clock) {
		SecretKey key = SigningKey.resolve(properties, developmentSecrets);
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
			.macAlgorithm(MacAlgorithm.HS256)
			.validateType(false)
			.build();
		decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
			.issuer(properties.issuer())
			.audience(properties.audience())
			.clientId(CLIENT_ID)
			.build());
		this.decoder = decoder;
		this.properties = properties;
		this.clock = clock;
	}

	String issue(User user, UUID sessionId) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.audience(List.of(properties.audience()))
			.subject(user.id().toString())
			.issuedAt(now)
			.expiresAt(now.plus(properties.accessTokenTtl()))
			.id(Ids.next().toString())
			.claim("client_id", CLIENT_ID)
			.claim(SESSION_CLAIM, sessionId.toString())
			.claim(ROLE_CLAIM, user.role().wireName())
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type(TYPE).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/** @throws JwtException when the token is malformed, forged, expired or not an access token */
	Jwt verify(String token) {
		return decoder.decode(token);
	}

	long ttlSeconds() {
		return properties.accessTokenTtl().toSeconds();
	}
}
