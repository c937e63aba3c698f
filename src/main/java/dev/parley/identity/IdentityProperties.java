package dev.parley.identity;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of accounts and tokens; application.yaml names the environment variable of each.
 *
 * @param secretKey HMAC key for access tokens, at least 32 bytes ({@code SECRET_KEY})
 * @param issuer the {@code iss} of access tokens
 * @param audience the {@code aud} of access tokens
 * @param accessTokenTtl lifetime of an access token ({@code ACCESS_TOKEN_EXPIRE_MINUTES})
 * @param refreshTokenTtl lifetime of a refresh token ({@code REFRESH_TOKEN_EXPIRE_DAYS})
 * @param refreshReuseGrace how long after its rotation the family's last rotated refresh token may be
 *     presented again (while its successor is unused) as a race, not as theft
 * @param registrationEnabled the default of the feature flag {@code registration} ({@code ENABLE_REGISTRATION});
 *     registration asks the flag, which an admin may change at run time
 * @param adminEmail the email that registers as admin ({@code PARLEY_ADMIN_EMAIL})
 * @param passwordHashing Argon2id cost and concurrency
 * @param loginThrottle failed-login limits
 * @param apiKeys API key settings
 * @param authCache how long a node trusts what it read about a session or an API key
 */
@ConfigurationProperties("parley.identity")
record IdentityProperties(String secretKey, @DefaultValue("parley") String issuer,
		@DefaultValue("parley-api") String audience, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("7d") Duration refreshTokenTtl, @DefaultValue("2s") Duration refreshReuseGrace,
		@DefaultValue("true") boolean registrationEnabled, @Nullable String adminEmail,
		@DefaultValue PasswordHashing passwordHashing, @DefaultValue LoginThrottle loginThrottle,
		@DefaultValue ApiKeySettings apiKeys, @DefaultValue AuthCache authCache) {

	/** Argon2id cost parameters (OWASP's m=19 MiB, t=2, p=1) and how many hashes may run at once. */
	record PasswordHashing(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
			@DefaultValue("1") int parallelism, @DefaultValue("0") int maxConcurrent) {
	}

	/** How many failed logins an account and an IP address may have per window before a 429. */
	record LoginThrottle(@DefaultValue("10") int failuresPerAccount, @DefaultValue("100") int failuresPerIp,
			@DefaultValue("15m") Duration window) {
	}

	/**
	 * @param lastUseResolution how stale a key's recorded last use may get before a request updates
	 *     it: one write per key per minute at most, not one per request
	 * @param defaultMaxParallelRequests generations one API key may have running at once when the key
	 *     sets no {@code max_parallel_requests} ({@code PARLEY_API_KEY_MAX_PARALLEL_REQUESTS})
	 */
	record ApiKeySettings(@DefaultValue("1m") Duration lastUseResolution,
			@DefaultValue("32") int defaultMaxParallelRequests) {
	}

	/**
	 * Sessions and API keys are read from the database at most once per {@code ttl} per node, so a
	 * request costs no SQL; a revocation (logout, key deletion, password change, role change, account
	 * deletion) takes effect on the node that made it at once and on every other within {@code ttl}.
	 *
	 * @param ttl how long a node trusts what it read ({@code PARLEY_AUTH_CACHE_TTL}); at most 1 s keeps
	 *     the promise that a revocation holds everywhere within a second
	 * @param maximumSize how many sessions and keys a node remembers at most
	 */
	record AuthCache(@DefaultValue("1s") Duration ttl, @DefaultValue("100000") long maximumSize) {
	}
}
