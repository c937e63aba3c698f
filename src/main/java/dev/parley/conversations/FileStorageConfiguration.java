package dev.parley.conversations;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import dev.parley.conversations.files.DiskFileStorage;
import dev.parley.conversations.files.FileStorage;
import dev.parley.conversations.files.S3FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one {@link FileStorage} of this server: the S3-compatible bucket when
 * {@code parley.conversations.files.s3.bucket} names one, else the directory. Its health is the
 * {@code fileStorage} component ({@code /health/files}).
 */
@Configuration(proxyBeanMethods = false)
class FileStorageConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FileStorageConfiguration.class);

	private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	@Conditional(InBucket.class)
	S3FileStorage bucketFileStorage(FilesProperties properties) {
		FilesProperties.S3 settings = properties.s3();
		S3ClientBuilder client = S3Client.builder()
			.httpClientBuilder(ApacheHttpClient.builder()
				.connectionTimeout(settings.connectTimeout())
				// A bucket that stops answering mid-request fails it soon, whatever the request's length.
				.socketTimeout(SOCKET_TIMEOUT.compareTo(settings.requestTimeout()) < 0 ? SOCKET_TIMEOUT
						: settings.requestTimeout()))
			.overrideConfiguration(config -> config.apiCallAttemptTimeout(settings.requestTimeout()))
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			.credentialsProvider(credentials(settings))
			// S3-compatible services do not all take the SDK's newer checksum trailers; the server
			// hashes each file itself (sha256).
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (StringUtils.hasText(settings.endpoint())) {
			client.endpointOverride(URI.create(settings.endpoint().strip()));
		}
		log.info("Files are kept in bucket {} ({}), objects named {}<user>/<file>", settings.bucket(),
				StringUtils.hasText(settings.endpoint()) ? settings.endpoint() : "Amazon S3, " + settings.region(),
				settings.keyPrefix());
		return new S3FileStorage(client.build(), settings.bucket(), settings.keyPrefix());
	}

	@Bean
	@Conditional(OnDisk.class)
	DiskFileStorage diskFileStorage(FilesProperties properties) {
		log.info("Files are kept in {}", properties.directory().toAbsolutePath().normalize());
		return new DiskFileStorage(properties.directory());
	}

	/** Up while the store answers: a HEAD of the bucket, or the directory being writable. */
	@Bean
	HealthIndicator fileStorageHealthIndicator(FileStorage storage) {
		return () -> {
			try {
				storage.check();
				return Health.up().build();
			}
			catch (IOException | RuntimeException ex) {
				log.warn("The file store is not usable: {}", ex.getMessage());
				return Health.down().build();
			}
		};
	}

	private static AwsCredentialsProvider credentials(FilesProperties.S3 settings) {
		boolean id = StringUtils.hasText(settings.accessKeyId());
		boolean secret = StringUtils.hasText(settings.secretAccessKey());
		if (id != secret) {
			throw new IllegalStateException("PARLEY_FILES_S3_ACCESS_KEY_ID and PARLEY_FILES_S3_SECRET_ACCESS_KEY "
					+ "go together: set both, or neither to use the AWS SDK's default credentials");
		}
		return id ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().strip(),
				settings.secretAccessKey().strip())) : DefaultCredentialsProvider.builder().build();
	}

	/** A bucket is named. */
	static final class InBucket implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("parley.conversations.files.s3.bucket"));
		}
	}

	/** No bucket is named. */
	static final class OnDisk implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !new InBucket().matches(context, metadata);
		}
	}
}
