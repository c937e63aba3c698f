package dev.parley.platform;

/**
 * The firewall's header checks without regular expressions: the same rules as
 * {@code StrictHttpFirewall}'s defaults ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names,
 * the same or a tab for values), code point by code point, with printable ASCII decided at once.
 * The patterns ran over every header read, the whole bearer token included: 1.9 % of a chat list's
 * CPU (bench/README.md).
 */
final class HeaderText {

	private HeaderText() {
	}

	/** A header name: assigned code points, no control character. */
	static boolean allowedName(String name) {
		return allowed(name, false);
	}

	/** A header value: assigned code points, no control character but the tab. */
	static boolean allowedValue(String value) {
		return allowed(value, true);
	}

	private static boolean allowed(String text, boolean tab) {
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}
}
