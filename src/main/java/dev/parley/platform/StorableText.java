package dev.parley.platform;

/**
 * Text PostgreSQL can store: no U+0000 (neither {@code text} nor {@code jsonb} takes it) and no
 * unpaired surrogate (it has no UTF-8 form). Every JSON string, JSON key, query parameter and form
 * field a client sends is checked against this rule before a controller sees it.
 */
public final class StorableText {

	/** What the client is told about a refused value. */
	public static final String MESSAGE = "must not contain the character U+0000 or unpaired surrogates";

	/** What the client is told about a JSON object with a refused key. */
	public static final String KEY_MESSAGE = "must not have keys that contain the character U+0000 or unpaired surrogates";

	private StorableText() {
	}

	public static boolean storable(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}
}
