package dev.parley.conversations;

import org.jspecify.annotations.Nullable;

/** File names as clients send them, made safe to store and show: no path, no control characters, at most 255 characters. */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	static String clean(@Nullable String name) {
		if (name == null) {
			return "file";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder(base.length());
		base.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		if (result.isEmpty() || result.equals(".") || result.equals("..")) {
			return "file";
		}
		return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH);
	}
}
