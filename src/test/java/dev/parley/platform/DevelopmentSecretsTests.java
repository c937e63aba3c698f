package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class DevelopmentSecretsTests {

	@TempDir
	Path dataDirectory;

	@Test
	void generatesASecretOnceAndKeepsIt() throws Exception {
		byte[] first = secrets(new MockEnvironment()).obtain("signing", 32, "SECRET_KEY");
		byte[] second = secrets(new MockEnvironment()).obtain("signing", 32, "SECRET_KEY");
		assertThat(first).hasSize(32).isEqualTo(second);
		Path file = dataDirectory.resolve("secrets/signing");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void refusesToInventSecretsInProduction() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("production");
		assertThatThrownBy(() -> secrets(production).obtain("signing", 32, "SECRET_KEY"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SECRET_KEY must be set");
		assertThat(dataDirectory.resolve("secrets/signing")).doesNotExist();
	}

	private DevelopmentSecrets secrets(MockEnvironment environment) {
		return new DevelopmentSecrets(new PlatformProperties(dataDirectory, List.of(), DataSize.ofMegabytes(1), "text",
				new PlatformProperties.EmbeddedDatabase("", false), ""), environment);
	}
}
