package dev.parley.identity;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with explicit cost parameters. Each hash takes ~19 MiB for tens of milliseconds, so at
 * most {@code max-concurrent} run at once: a login flood queues (and past a few seconds is shed
 * with a 503) instead of exhausting memory. Hashes run on platform threads of their own: requests
 * run on virtual threads, and a CPU-bound hash on one of their few carrier threads would stall
 * every other request; on its own thread the operating system shares the CPU fairly instead.
 */
@Component
class PasswordHasher {

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final long MAX_WAIT_SECONDS = 5;

	private final Argon2PasswordEncoder encoder;

	private final Semaphore slots;

	private final ExecutorService hashingThreads;

	/** Verified against when no account matches, so a miss costs what a wrong password costs. */
	private final String decoyHash;

	PasswordHasher(IdentityProperties properties) {
		IdentityProperties.PasswordHashing cost = properties.passwordHashing();
		this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, cost.parallelism(), cost.memoryKib(),
				cost.iterations());
		// 0 (the default) leaves half the cores to everything else, whatever the login load.
		int concurrency = cost.maxConcurrent() > 0 ? cost.maxConcurrent()
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		this.slots = new Semaphore(concurrency, true);
		this.hashingThreads = Executors.newFixedThreadPool(concurrency,
				Thread.ofPlatform().name("password-hashing-", 0).daemon().factory());
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
			return hashingThreads.submit(work::get).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusy();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Password hashing failed", ex.getCause());
		}
		finally {
			slots.release();
		}
	}

	@PreDestroy
	void stop() {
		hashingThreads.shutdownNow();
	}
}
