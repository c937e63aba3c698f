package dev.parley.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.parley.platform.DevelopmentSecrets;
import dev.parley.platform.Ids;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies access tokens: JWTs of type {@code at+jwt} (RFC 9068) signed with HS256,
 * carrying {@code iss}, {@code aud}, {@code sub}, {@code sid} (the session), {@code role},
 * {@code iat}, {@code exp} and {@code jti}. Only HS256 is accepted, so {@code alg: none} and
 * algorithm swaps fail verification.
 * <p>
 * A token that verified is remembered for {@code parley.identity.auth-cache.ttl} (1 s), keyed by the
 * whole token: a token is immutable, so a repeat presentation skips parsing and the signature check
 * (an eighth of a chat list's CPU, bench/README.md) but not the claim checks, which run again on every
 * use so that expiry holds to the second. Revocation is the session's business (the
 * {@link CredentialCache}), so nothing about it is remembered here. Failures are never remembered.
 */
@Component
class AccessTokens {

	static final String TYPE = "at+jwt";

	static final String SESSION_CLAIM = "sid";

	static final String ROLE_CLAIM = "role";

	static final String CLIENT_ID = "parley";

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	private final IdentityProperties properties;

	private final Clock clock;

	AccessTokens(IdentityProperties properties, DevelopmentSecrets developmentSecrets, Clock clock) {
		SecretKey key = SigningKey.resolve(properties, developmentSecrets);
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
			.macAlgorithm(MacAlgorithm.HS256)
			.validateType(false)
			.build();
		this.validator = JwtValidators.createAtJwtValidator()
			.issuer(properties.issuer())
			.audience(properties.audience())
			.clientId(CLIENT_ID)
			.build();
		decoder.setJwtValidator(this.validator);
		this.decoder = decoder;
		IdentityProperties.AuthCache cache = properties.authCache();
		this.verified = Caffeine.newBuilder().expireAfterWrite(cache.ttl()).maximumSize(cache.maximumSize()).build();
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
		Jwt known = verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = decoder.decode(token);
			verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = validator.validate(known);
		if (result.hasErrors()) {
			verified.invalidate(token);
			throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
					+ result.getErrors().iterator().next().getDescription(), result.getErrors());
		}
		return known;
	}

	long ttlSeconds() {
		return properties.accessTokenTtl().toSeconds();
	}
}
