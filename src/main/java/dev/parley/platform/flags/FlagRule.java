package dev.parley.platform.flags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What decides a flag for a caller, in this order: off ({@code enabled=false}) is off for everyone;
 * a listed user or a caller holding a listed role gets it; everyone else gets it when their bucket
 * falls inside {@code rolloutPercent}. A caller's bucket is the first four bytes of
 * SHA-256({@code key + ":" + targetingKey}) as an unsigned number modulo 100, so it is the same on
 * every node and every request (sticky), independent between flags, and raising the percentage only
 * ever adds callers. A caller without a targeting key (anonymous) has no bucket: they get the flag
 * only at 100 %.
 *
 * @param key the flag's key
 * @param enabled the kill switch
 * @param rolloutPercent the share of callers, 0–100, who get it
 * @param roles roles that always get it (when enabled)
 * @param users users that always get it (when enabled)
 * @param description what the flag is for
 * @param stored whether an admin stored this rule; {@code false} for a built-in flag's default
 * @param updatedAt when it was last stored
 */
record FlagRule(String key, boolean enabled, int rolloutPercent, Set<String> roles, Set<UUID> users,
		@Nullable String description, boolean stored, @Nullable Instant updatedAt) {

	static final String ON = "on";

	static final String OFF = "off";

	FlagRule {
		roles = Set.copyOf(roles);
		users = Set.copyOf(users);
	}

	/** A built-in flag nobody has stored a rule for: its default, for everyone. */
	static FlagRule defaultOf(String key, boolean enabled) {
		return new FlagRule(key, enabled, 100, Set.of(), Set.of(), null, false, null);
	}

	Evaluation evaluate(@Nullable String targetingKey, Collection<String> callerRoles) {
		if (!enabled) {
			return new Evaluation(false, OFF, "DISABLED");
		}
		if (targetingKey != null && users.stream().anyMatch(user -> user.toString().equalsIgnoreCase(targetingKey))) {
			return new Evaluation(true, ON, "TARGETING_MATCH");
		}
		if (callerRoles.stream().anyMatch(roles::contains)) {
			return new Evaluation(true, ON, "TARGETING_MATCH");
		}
		if (rolloutPercent >= 100) {
			return new Evaluation(true, ON, roles.isEmpty() && users.isEmpty() ? "STATIC" : "DEFAULT");
		}
		if (rolloutPercent <= 0 || targetingKey == null) {
			return new Evaluation(false, OFF, "DEFAULT");
		}
		boolean in = bucket(key, targetingKey) < rolloutPercent;
		return new Evaluation(in, in ? ON : OFF, "SPLIT");
	}

	/** The caller's place, 0–99, in the rollout of the flag {@code key}. */
	static int bucket(String key, String targetingKey) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((key + ":" + targetingKey).getBytes(StandardCharsets.UTF_8));
			long first = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
			return (int) (first % 100);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * A flag's value for one caller, with an OpenFeature reason ({@code STATIC}, {@code TARGETING_MATCH},
	 * {@code SPLIT}, {@code DEFAULT}, {@code DISABLED}) and variant ({@code on}/{@code off}).
	 */
	record Evaluation(boolean value, String variant, String reason) {
	}
}
