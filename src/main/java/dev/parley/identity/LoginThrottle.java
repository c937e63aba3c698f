package dev.parley.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, at login and wherever else a password is checked (the current password
 * of a password change): each {@link Target} (an account, whichever of its email or username was
 * typed, or an identifier no account has) and each client address has a token bucket of guesses
 * (Bucket4j). Every check takes a guess before the password is verified, so parallel requests
 * cannot outrun the limit; a check is refused with 429 while either bucket is empty. A correct
 * password gives its guess back: it empties the target's record and returns the address's guess.
 * An unknown identifier is throttled exactly like an account, so throttling does not tell which
 * exist. Buckets live in this process; they are a brake on guessing, not a quota, so a node
 * restart forgetting them is acceptable.
 */
@Component
class LoginThrottle {

	private final Cache<String, Bucket> targets;

	private final Cache<String, Bucket> addresses;

	private final IdentityProperties.LoginThrottle limits;

	LoginThrottle(IdentityProperties properties) {
		this.limits = properties.loginThrottle();
		this.targets = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
		this.addresses = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(100_000).build();
	}

	/**
	 * Takes one guess from the target's bucket and, when an address is given, from the address's.
	 * @throws TooManyLoginAttempts when either bucket is empty; nothing is taken then
	 */
	void takeGuess(Target target, @Nullable String address) {
		Bucket targetBucket = targets.get(target.key(), k -> bucket(limits.failuresPerAccount()));
		take(targetBucket);
		if (address != null) {
			try {
				take(addresses.get(address, k -> bucket(limits.failuresPerIp())));
			}
			catch (TooManyLoginAttempts ex) {
				targetBucket.addTokens(1);
				throw ex;
			}
		}
	}

	/** The guess was right: the target's failures are forgotten and the address gets its guess back. */
	void recordSuccess(Target target, @Nullable String address) {
		targets.invalidate(target.key());
		if (address != null) {
			Bucket addressBucket = addresses.getIfPresent(address);
			if (addressBucket != null) {
				addressBucket.addTokens(1);
			}
		}
	}

	private static void take(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyLoginAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private Bucket bucket(int guesses) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(guesses).refillGreedy(guesses, limits.window()))
			.build();
	}

	/** Whose guesses one bucket counts: an account, or an identifier typed at login that names none. */
	record Target(String key) {

		static Target account(UUID userId) {
			return new Target("account:" + userId);
		}

		/** An identifier no account has, normalised as accounts are looked up: trimmed, any case. */
		static Target unknownLogin(String typed) {
			return new Target("login:" + typed.trim().toLowerCase(Locale.ROOT));
		}
	}
}
