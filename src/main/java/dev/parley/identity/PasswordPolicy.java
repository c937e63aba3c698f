package dev.parley.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** What a new password must be: 8 to 128 characters and not one of the most common passwords. */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private final Set<String> commonPasswords;

	PasswordPolicy() {
		this.commonPasswords = load("identity/common-passwords.txt");
	}

	/** @throws WeakPassword naming {@code field} when the password is refused */
	void check(String field, @Nullable String password) {
		problem(password).ifPresent(reason -> {
			throw new WeakPassword(field, reason);
		});
	}

	/** Why the password is refused, or empty when it is accepted. */
	Optional<String> problem(@Nullable String password) {
		int length = password == null ? 0 : password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
		}
		if (commonPasswords.contains(password.toLowerCase(Locale.ROOT))) {
			return Optional.of("is one of the most common passwords; choose another");
		}
		return Optional.empty();
	}

	private static Set<String> load(String resource) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::trim)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
