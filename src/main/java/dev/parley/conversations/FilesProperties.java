package dev.parley.conversations;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Settings of uploaded files.
 *
 * @param directory where the bytes are kept when no bucket is configured
 * @param maxSize the largest file one may upload
 * @param userQuota how much all of one user's files may take
 * @param promptChars the most characters of one document's text that go into a prompt
 * @param s3 the S3-compatible bucket that keeps the bytes instead, when it has a name
 */
@ConfigurationProperties("parley.conversations.files")
record FilesProperties(Path directory, @DefaultValue("20MB") DataSize maxSize,
		@DefaultValue("200MB") DataSize userQuota, @DefaultValue("20000") int promptChars, @DefaultValue S3 s3) {

	/**
	 * An S3-compatible bucket (Amazon S3, MinIO, Cloudflare R2 …).
	 *
	 * @param bucket its name; files are kept in it when this is set
	 * @param endpoint the service's URL, for S3-compatible services; empty for Amazon S3
	 * @param region the bucket's region (MinIO takes any, R2 {@code auto})
	 * @param pathStyle {@code https://host/bucket/key} addresses instead of {@code https://bucket.host/key}
	 * @param prefix put before every object's name ({@code parley/} → {@code parley/<user>/<file>})
	 * @param accessKeyId with {@code secretAccessKey}: the credentials; without both, the SDK's
	 * default chain ({@code AWS_ACCESS_KEY_ID}, profiles, instance roles …)
	 * @param connectTimeout the longest one connection to the service may take to open
	 * @param requestTimeout the longest one request (one attempt) may take; large files need time
	 */
	record S3(@Nullable String bucket, @Nullable String endpoint, @DefaultValue("us-east-1") String region,
			boolean pathStyle, @DefaultValue("") String prefix, @Nullable String accessKeyId,
			@Nullable String secretAccessKey, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("5m") Duration requestTimeout) {

		/** The prefix as objects carry it: empty, or ending in one {@code /}. */
		String keyPrefix() {
			String trimmed = StringUtils.trimTrailingCharacter(prefix.strip(), '/');
			return trimmed.isEmpty() ? "" : trimmed + "/";
		}

		/** Everything but the secret, which is never shown. */
		@Override
		public String toString() {
			return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle
					+ ", prefix=" + prefix + ", accessKeyId=" + accessKeyId + ", secretAccessKey="
					+ (StringUtils.hasText(secretAccessKey) ? "******" : "") + "]";
		}
	}
}
