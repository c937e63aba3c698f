package dev.parley.identity;

/** What a username may look like: 3 to 32 letters, digits, dots, dashes and underscores. */
final class UsernameRule {

	static final String PATTERN = "^[A-Za-z0-9_.-]{3,32}$";

	static final String MESSAGE = "must be 3 to 32 letters, digits, '.', '-' or '_'";

	private UsernameRule() {
	}
}
