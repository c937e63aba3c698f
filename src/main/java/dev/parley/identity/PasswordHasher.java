package dev.parley.identity;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with explicit cost parameters. Each hash takes ~19 MiB for tens of milliseconds, so at
 * most {@code max-concurrent} run at once: a login flood queues (and past a few seconds is shed
 * with a 503) instead of exhausting memory.
 */
@Component
class PasswordHasher {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final long MAX_WAIT_SECONDS = 5;

	private final Argon2PasswordEncoder encoder;

	private final Semaphore slots;

	/** Verified against when no account matches, so a miss costs what a wrong password costs. */
	private final String decoyHash;

	PasswordHasher(IdentityProperties properties) {
		IdentityProperties.PasswordHashing cost = properties.passwordHashing();
		this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, cost.parallelism(), cost.memoryKib(),
				cost.iterations());
		this.slots = new Semaphore(Math.max(1, cost.maxConcurrent()), true);
		this.decoyHash = encoder.encode("decoy password that matches nothing");
	}

	String hash(String password) {
		return bounded(() -> encoder.encode(password));
	}

	boolean matches(String password, String hash) {
		return bounded(() -> encoder.matches(password, hash));
	}

	/** Spends the time of a real verification, then fails: for logins naming no account. */
	boolean matchesNothing(String password) {
		bounded(() -> encoder.matches(password, decoyHash));
		return false;
	}

	private <T> T bounded(Supplier<T> work) {
		boolean acquired;
		try {
			acquired = slots.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusy();
		}
		if (!acquired) {
			throw new PasswordHashingBusy();
		}
		try {
			return work.get();
		}
		finally {
			slots.release();
		}
	}
}
