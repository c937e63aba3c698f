package dev.parley.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.parley.platform.FeatureFlags;
import dev.parley.platform.JsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Accounts: registration, password login, profiles and password changes. */
@Service
class Accounts {

	private final UserRepository users;

	private final PasswordHasher passwordHasher;

	private final PasswordPolicy passwordPolicy;

	private final LoginThrottle loginThrottle;

	private final IdentityProperties properties;

	private final FeatureFlags featureFlags;

	private final JdbcClient jdbc;

	private final Clock clock;

	Accounts(UserRepository users, PasswordHasher passwordHasher, PasswordPolicy passwordPolicy,
			LoginThrottle loginThrottle, IdentityProperties properties, FeatureFlags featureFlags, JdbcClient jdbc,
			Clock clock) {
		this.users = users;
		this.passwordHasher = passwordHasher;
		this.passwordPolicy = passwordPolicy;
		this.loginThrottle = loginThrottle;
		this.properties = properties;
		this.featureFlags = featureFlags;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A new account; the first one of the server, or the one with PARLEY_ADMIN_EMAIL, is an admin.
	 * Open while the feature flag {@code registration} is on (its default is ENABLE_REGISTRATION).
	 */
	@Transactional
	User register(String email, String password, @Nullable String name, @Nullable String username) {
		if (!featureFlags.enabled(FeatureFlags.REGISTRATION)) {
			throw new RegistrationClosed();
		}
		String normalizedEmail = normalizeEmail(email);
		passwordPolicy.check("password", password);
		String passwordHash = passwordHasher.hash(password);
		String chosenUsername = StringUtils.hasText(username) ? username.trim() : null;
		// Serialises registrations (not their hashing) so the checks below and the first-user rule hold.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('parley.users.register'))").query().singleRow();
		if (users.findByEmail(normalizedEmail).isPresent()) {
			throw new EmailAlreadyRegistered();
		}
		if (chosenUsername != null && users.findByUsername(chosenUsername).isPresent()) {
			throw new UsernameTaken();
		}
		Role role = isAdminEmail(normalizedEmail) || !users.anyExists() ? Role.ADMIN : Role.USER;
		User user = User.register(normalizedEmail, chosenUsername, trimToNull(name), passwordHash, role,
				clock.instant());
		return users.save(user);
	}

	/**
	 * The account whose email or username and password these are. Guesses are throttled per account,
	 * whichever of its names was typed, and per typed identifier when it names no account.
	 * @throws InvalidCredentials the same way whether the account is unknown or the password wrong
	 */
	User authenticate(@Nullable String login, @Nullable String password, String clientAddress) {
		String typed = login == null ? "" : login.trim();
		Optional<User> user = typed.contains("@") ? users.findByEmail(typed) : users.findByUsername(typed);
		LoginThrottle.Target target = user.map(found -> LoginThrottle.Target.account(found.id()))
			.orElseGet(() -> LoginThrottle.Target.unknownLogin(typed));
		loginThrottle.takeGuess(target, clientAddress);
		String candidate = password == null ? "" : password;
		boolean matches = user.map(found -> passwordHasher.matches(candidate, found.passwordHash()))
			.orElseGet(() -> passwordHasher.matchesNothing(candidate));
		if (!matches) {
			throw new InvalidCredentials();
		}
		loginThrottle.recordSuccess(target, clientAddress);
		return user.get();
	}

	User get(UUID userId) {
		return users.findById(userId).orElseThrow(UserNotFound::new);
	}

	@Transactional
	User updateProfile(UUID userId, @Nullable String name, @Nullable String username,
			@Nullable JsonDocument preferences) {
		User user = get(userId);
		String chosenUsername = username == null ? null : username.trim();
		if (chosenUsername != null
				&& users.findByUsername(chosenUsername).filter(other -> !other.id().equals(userId)).isPresent()) {
			throw new UsernameTaken();
		}
		user.updateProfile(name == null ? null : name.trim(), chosenUsername, preferences, clock.instant());
		return users.save(user);
	}

	/**
	 * Replaces the password once the current one is proven. Wrong current passwords are guesses of
	 * the account's password: they come out of the same bucket as its failed logins.
	 */
	@Transactional
	void changePassword(UUID userId, @Nullable String currentPassword, String newPassword) {
		User user = get(userId);
		LoginThrottle.Target target = LoginThrottle.Target.account(userId);
		loginThrottle.takeGuess(target, null);
		if (!passwordHasher.matches(currentPassword == null ? "" : currentPassword, user.passwordHash())) {
			throw new WrongCurrentPassword();
		}
		loginThrottle.recordSuccess(target, null);
		passwordPolicy.check("new_password", newPassword);
		user.changePasswordHash(passwordHasher.hash(newPassword), clock.instant());
		users.save(user);
	}

	/**
	 * Proves a request with the account's password (erasing the account): a wrong one is a guess
	 * of the password, out of the same bucket as failed logins.
	 */
	void requirePassword(UUID userId, @Nullable String password) {
		User user = get(userId);
		LoginThrottle.Target target = LoginThrottle.Target.account(userId);
		loginThrottle.takeGuess(target, null);
		if (!passwordHasher.matches(password == null ? "" : password, user.passwordHash())) {
			throw new WrongCurrentPassword("The password is wrong.");
		}
		loginThrottle.recordSuccess(target, null);
	}

	private boolean isAdminEmail(String email) {
		return StringUtils.hasText(properties.adminEmail()) && normalizeEmail(properties.adminEmail()).equals(email);
	}

	static String normalizeEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private static @Nullable String trimToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}
}
