package dev.parley.identity;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: each account and each client address has a token bucket of failed
 * logins (Bucket4j). A login is refused with 429 while either bucket is empty; successes cost
 * nothing, and a success empties the account's record of failures. Buckets live in this process;
 * they are a brake on guessing, not a quota, so a node restart forgetting them is acceptable.
 */
@Component
class LoginThrottle {

	private final Cache<String, Bucket> accounts;

	private final Cache<String, Bucket> addresses;

	private final IdentityProperties.LoginThrottle limits;

	LoginThrottle(IdentityProperties properties) {
		this.limits = properties.loginThrottle();
		this.accounts = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
		this.addresses = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
	}

	/** @throws TooManyLoginAttempts when the account or the address may not try now */
	void checkAllowed(String account, String address) {
		refuseIfEmpty(accounts.getIfPresent(key(account)));
		refuseIfEmpty(addresses.getIfPresent(address));
	}

	void recordFailure(String account, String address) {
		accounts.get(key(account), k -> bucket(limits.failuresPerAccount())).tryConsume(1);
		addresses.get(address, k -> bucket(limits.failuresPerIp())).tryConsume(1);
	}

	void recordSuccess(String account) {
		accounts.invalidate(key(account));
	}

	private static void refuseIfEmpty(Bucket bucket) {
		if (bucket == null) {
			return;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			throw new TooManyLoginAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private Bucket bucket(int failures) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(failures).refillGreedy(failures, limits.window()))
			.build();
	}

	private static String key(String account) {
		return account.trim().toLowerCase(Locale.ROOT);
	}
}
