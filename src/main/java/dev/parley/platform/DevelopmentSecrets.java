package dev.parley.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Secrets for a development server that was given none: generated once, kept under the data
 * directory (readable by the owner only) and reused on every start. A production server must be
 * given its secrets; asking here there fails start-up with a message that names the setting.
 */
@Component
public class DevelopmentSecrets {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentSecrets.class);

	private final Path directory;

	private final boolean production;

	private final SecureRandom random = new SecureRandom();

	DevelopmentSecrets(PlatformProperties properties, Environment environment) {
		this.directory = properties.dataDirectory().resolve("secrets");
		this.production = environment.acceptsProfiles(Profiles.of("production"));
	}

	/**
	 * The development secret called {@code name}, {@code bytes} long, created on first use.
	 * @param setting the environment variable that replaces it, for the messages
	 */
	public byte[] obtain(String name, int bytes, String setting) {
		if (production) {
			throw new MissingSecret(setting, setting + " must be set when Parley runs with the production profile.");
		}
		Path file = directory.resolve(name);
		try {
			boolean generated = Files.notExists(file);
			byte[] secret = Base64.getDecoder().decode(Files.readString(keep(name, bytes)).trim());
			if (generated) {
				log.warn("{} is not set: generated a development secret in {}. Set {} in production.", setting, file,
						setting);
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the development secret " + file, ex);
		}
	}

	/**
	 * The file holding the secret called {@code name} (base64 of {@code bytes} random bytes, on one
	 * line), created on first use. For secrets no operator sets, such as the embedded database's
	 * password: kept the same way in every profile.
	 */
	Path keep(String name, int bytes) {
		Path file = directory.resolve(name);
		try {
			if (Files.exists(file)) {
				return file;
			}
			byte[] secret = new byte[bytes];
			random.nextBytes(secret);
			Files.createDirectories(directory);
			restrictToOwner(directory, "rwx------");
			Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardOpenOption.CREATE_NEW);
			restrictToOwner(file, "rw-------");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the secret " + file, ex);
		}
	}

	private static void restrictToOwner(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the directory's own permissions apply.
		}
	}
}
