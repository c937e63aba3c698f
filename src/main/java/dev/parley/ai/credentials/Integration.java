package dev.parley.ai.credentials;

import java.time.Instant;
import java.util.UUID;

import dev.parley.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user's own key for one provider: sealed, never held in clear, with its last four characters
 * for recognition, an optional endpoint and label, and the outcome of its last check.
 */
@Table("integrations")
class Integration {

	/** Keys shorter than this show no last four characters: they would give away too much of it. */
	static final int SHORTEST_KEY_WITH_LAST4 = 12;

	@Id
	private final UUID id;

	private final UUID userId;

	private final String provider;

	private @Nullable String label;

	private @Nullable String baseUrl;

	@Embedded.Nullable(prefix = "key_")
	private SealedKey key;

	private @Nullable String keyLast4;

	private final Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant lastTestedAt;

	private @Nullable Boolean lastTestOk;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	Integration(UUID id, UUID userId, String provider, @Nullable String label, @Nullable String baseUrl, SealedKey key,
			@Nullable String keyLast4, Instant createdAt, Instant updatedAt, @Nullable Instant lastTestedAt,
			@Nullable Boolean lastTestOk, @Nullable Long version) {
		this.id = id;
		this.userId = userId;
		this.provider = provider;
		this.label = label;
		this.baseUrl = baseUrl;
		this.key = key;
		this.keyLast4 = keyLast4;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.lastTestedAt = lastTestedAt;
		this.lastTestOk = lastTestOk;
		this.version = version;
	}

	static Integration add(UUID userId, String provider, @Nullable String label, @Nullable String baseUrl,
			SealedKey key, String apiKey, Instant now) {
		return new Integration(Ids.next(), userId, provider, label, baseUrl, key, last4(apiKey), now, now, null, null,
				null);
	}

	/** A new key: what was learnt by testing the old one no longer holds. */
	void replaceKey(SealedKey key, String apiKey, Instant now) {
		this.key = key;
		this.keyLast4 = last4(apiKey);
		forgetTest(now);
	}

	void relabel(@Nullable String label, Instant now) {
		this.label = label;
		this.updatedAt = now;
	}

	/** Another endpoint: the key has not been tried there. */
	void moveTo(@Nullable String baseUrl, Instant now) {
		this.baseUrl = baseUrl;
		forgetTest(now);
	}

	void tested(boolean ok, Instant now) {
		this.lastTestedAt = now;
		this.lastTestOk = ok;
	}

	private void forgetTest(Instant now) {
		this.lastTestedAt = null;
		this.lastTestOk = null;
		this.updatedAt = now;
	}

	private static @Nullable String last4(String apiKey) {
		return apiKey.length() < SHORTEST_KEY_WITH_LAST4 ? null : apiKey.substring(apiKey.length() - 4);
	}

	UUID id() {
		return id;
	}

	UUID userId() {
		return userId;
	}

	String provider() {
		return provider;
	}

	@Nullable String label() {
		return label;
	}

	@Nullable String baseUrl() {
		return baseUrl;
	}

	SealedKey key() {
		return key;
	}

	@Nullable String keyLast4() {
		return keyLast4;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	@Nullable Instant lastTestedAt() {
		return lastTestedAt;
	}

	@Nullable Boolean lastTestOk() {
		return lastTestOk;
	}
}
