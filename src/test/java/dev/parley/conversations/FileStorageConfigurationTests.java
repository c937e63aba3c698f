package dev.parley.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversations.files.DiskFileStorage;
import dev.parley.conversations.files.FileStorage;
import dev.parley.conversations.files.S3FileStorage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Which one store the configuration picks, and credentials that go together. */
class FileStorageConfigurationTests {

	private static final String SECRET = "wJalrXUtnFEMI-never-in-a-message";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, FileStorageConfiguration.class)
		.withPropertyValues("parley.conversations.files.directory=target/file-storage-configuration-tests");

	@Test
	void keepsFilesOnDiskWithoutABucketOrWithAnEmptyName() {
		context.run(started -> assertThat(started).hasSingleBean(FileStorage.class)
			.hasSingleBean(DiskFileStorage.class)
			.doesNotHaveBean(S3FileStorage.class));
		context.withPropertyValues("parley.conversations.files.s3.bucket=")
			.run(started -> assertThat(started).hasSingleBean(DiskFileStorage.class));
	}

	@Test
	void keepsFilesInTheBucketWhenOneIsNamed() {
		context.withPropertyValues("parley.conversations.files.s3.bucket=parley",
				"parley.conversations.files.s3.endpoint=http://127.0.0.1:9", "parley.conversations.files.s3.access-key-id=AKIA1",
				"parley.conversations.files.s3.secret-access-key=" + SECRET)
			.run(started -> assertThat(started).hasSingleBean(FileStorage.class)
				.hasSingleBean(S3FileStorage.class)
				.doesNotHaveBean(DiskFileStorage.class));
	}

	@Test
	void refusesToStartWithHalfTheCredentialsAndNamesNoSecret() {
		context.withPropertyValues("parley.conversations.files.s3.bucket=parley",
				"parley.conversations.files.s3.secret-access-key=" + SECRET)
			.run(started -> {
				assertThat(started).hasFailed();
				assertThat(started.getStartupFailure()).rootCause()
					.hasMessageContaining("PARLEY_FILES_S3_ACCESS_KEY_ID and PARLEY_FILES_S3_SECRET_ACCESS_KEY go together");
				assertThat(stackTraceOf(started.getStartupFailure())).doesNotContain(SECRET);
			});
	}

	@Test
	void neverShowsTheSecretInTheSettings() {
		FilesProperties.S3 settings = new FilesProperties.S3("parley", null, "us-east-1", false, "", "AKIA1", SECRET,
				java.time.Duration.ofSeconds(5), java.time.Duration.ofMinutes(5));
		assertThat(settings.toString()).contains("AKIA1").doesNotContain(SECRET);
	}

	private static String stackTraceOf(Throwable failure) {
		java.io.StringWriter out = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(out));
		return out.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(FilesProperties.class)
	static class Settings {
	}
}
