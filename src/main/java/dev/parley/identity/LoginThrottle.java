package dev.parley.identity;

import java.util.Locale;
import java.util.UUID;

import dev.parley.platform.limits.RateLimitExceeded;
import dev.parley.platform.limits.RateLimitPolicy;
import dev.parley.platform.limits.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, at login and wherever else a password is checked (the current password
 * of a password change): each {@link Target} (an account, whichever of its email or username was
 * typed, or an identifier no account has) and each client address has a bucket of guesses in the
 * platform's {@link RateLimits} (shared by every node when Redis is configured). Every check takes a
 * guess before the password is verified, so parallel requests cannot outrun the limit; a check is
 * refused with 429 while either bucket is empty. A correct password gives its guess back: it empties
 * the target's record and returns the address's guess. An unknown identifier is throttled exactly
 * like an account, so throttling does not tell which exist. While Redis is away the buckets count on
 * each node: a brake on guessing, not a quota.
 */
@Component
class LoginThrottle {

	private static final String REFUSAL = "Too many wrong passwords. Try again later.";

	private final RateLimits limits;

	private final RateLimitPolicy perTarget;

	private final RateLimitPolicy perAddress;

	LoginThrottle(IdentityProperties properties, RateLimits limits) {
		IdentityProperties.LoginThrottle settings = properties.loginThrottle();
		this.limits = limits;
		this.perTarget = new RateLimitPolicy("login-account", settings.failuresPerAccount(), settings.window(),
				RateLimitPolicy.OnOutage.COUNT_LOCALLY, REFUSAL);
		this.perAddress = new RateLimitPolicy("login-address", settings.failuresPerIp(), settings.window(),
				RateLimitPolicy.OnOutage.COUNT_LOCALLY, REFUSAL);
	}

	/**
	 * Takes one guess from the target's bucket and, when an address is given, from the address's.
	 * @throws RateLimitExceeded when either bucket is empty; nothing is taken then
	 */
	void takeGuess(Target target, @Nullable String address) {
		limits.consume(perTarget, target.key());
		if (address != null) {
			try {
				limits.consume(perAddress, address);
			}
			catch (RateLimitExceeded ex) {
				limits.giveBack(perTarget, target.key(), 1);
				throw ex;
			}
		}
	}

	/** The guess was right: the target's failures are forgotten and the address gets its guess back. */
	void recordSuccess(Target target, @Nullable String address) {
		limits.forget(perTarget, target.key());
		if (address != null) {
			limits.giveBack(perAddress, address, 1);
		}
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
