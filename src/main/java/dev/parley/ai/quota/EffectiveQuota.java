package dev.parley.ai.quota;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * The limits that apply to one caller: on the user's own usage, the stricter of their quota and their
 * role's, field by field; on the usage of the API key the request is made with, the key's quota.
 */
record EffectiveQuota(UUID userId, @Nullable UUID apiKeyId, Limits user, Limits key) {

	/** The quotas that apply to a generation for this user, made as {@code caller} when known. */
	static EffectiveQuota of(Map<QuotaSubject, QuotaLimits> definitions, UUID userId,
			@Nullable AuthenticatedUser caller) {
		Limits own = Limits.of(definitions.get(new QuotaSubject(QuotaSubject.Type.USER, userId.toString())), "user");
		Role role = caller == null ? null : caller.role();
		Limits byRole = role == null ? Limits.NONE
				: Limits.of(definitions.get(new QuotaSubject(QuotaSubject.Type.ROLE, role.wireName())), "role");
		UUID apiKeyId = caller == null ? null : caller.apiKeyId();
		Limits key = apiKeyId == null ? Limits.NONE
				: Limits.of(definitions.get(new QuotaSubject(QuotaSubject.Type.API_KEY, apiKeyId.toString())), "api_key");
		return new EffectiveQuota(userId, apiKeyId, own.strictest(byRole), key);
	}

	boolean isEmpty() {
		return user.isEmpty() && key.isEmpty();
	}

	/** The counters of the periods {@code now} falls in that have a limit. */
	List<QuotaCounter> counters(Instant now) {
		List<QuotaCounter> counters = new ArrayList<>();
		String prefix = "{" + userId + "}:";
		add(counters, prefix + "user:", user, now);
		if (apiKeyId != null) {
			add(counters, prefix + "key:" + apiKeyId + ":", key, now);
		}
		return counters;
	}

	private static void add(List<QuotaCounter> counters, String prefix, Limits limits, Instant now) {
		QuotaPeriod day = QuotaPeriod.day(now);
		QuotaPeriod month = QuotaPeriod.month(now);
		QuotaPeriod minute = QuotaPeriod.minute(now);
		if (limits.tokensPerDay != null || limits.usdPerDay != null) {
			counters.add(new QuotaCounter(prefix + day.suffix(), value(limits.tokensPerDay), value(limits.usdPerDay), null,
					policy(limits.tokensPerDay), policy(limits.usdPerDay), null, day.end()));
		}
		if (limits.tokensPerMonth != null || limits.usdPerMonth != null) {
			counters.add(new QuotaCounter(prefix + month.suffix(), value(limits.tokensPerMonth),
					value(limits.usdPerMonth), null, policy(limits.tokensPerMonth), policy(limits.usdPerMonth), null,
					month.end()));
		}
		if (limits.requestsPerMinute != null) {
			counters.add(new QuotaCounter(prefix + minute.suffix(), null, null, limits.requestsPerMinute.value(), null,
					null, policy(limits.requestsPerMinute), minute.end()));
		}
	}

	private static @Nullable Long value(@Nullable Limit limit) {
		return limit == null ? null : limit.value();
	}

	private static @Nullable String policy(@Nullable Limit limit) {
		return limit == null ? null : limit.policy();
	}

	/** A limit and the policy it is reported as ({@code role:tokens_per_day}). */
	record Limit(long value, String policy) {
	}

	/** One subject's limits, each with its policy; {@code null} is no limit. */
	record Limits(@Nullable Limit tokensPerDay, @Nullable Limit tokensPerMonth, @Nullable Limit usdPerDay,
			@Nullable Limit usdPerMonth, @Nullable Limit requestsPerMinute) {

		static final Limits NONE = new Limits(null, null, null, null, null);

		static Limits of(@Nullable QuotaLimits limits, String subject) {
			if (limits == null) {
				return NONE;
			}
			return new Limits(limit(limits.tokensPerDay(), subject + ":tokens_per_day"),
					limit(limits.tokensPerMonth(), subject + ":tokens_per_month"),
					limit(limits.usdMicrosPerDay(), subject + ":usd_per_day"),
					limit(limits.usdMicrosPerMonth(), subject + ":usd_per_month"),
					limit(limits.requestsPerMinute(), subject + ":requests_per_minute"));
		}

		boolean isEmpty() {
			return equals(NONE);
		}

		Limits strictest(Limits other) {
			BinaryOperator<@Nullable Limit> lower = (a, b) -> a == null ? b : b == null || a.value() <= b.value() ? a : b;
			return new Limits(lower.apply(tokensPerDay, other.tokensPerDay), lower.apply(tokensPerMonth, other.tokensPerMonth),
					lower.apply(usdPerDay, other.usdPerDay), lower.apply(usdPerMonth, other.usdPerMonth),
					lower.apply(requestsPerMinute, other.requestsPerMinute));
		}

		private static @Nullable Limit limit(@Nullable Long value, String policy) {
			return value == null ? null : new Limit(value, policy);
		}
	}
}
