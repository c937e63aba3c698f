package dev.parley.agents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name a model knows a tool by. Providers take function names of letters, digits, {@code _}
 * and {@code -}, at most 64 long (OpenAI's rule, the strictest); Parley's names may hold colons
 * ({@code mcp:<server>:<tool>}, {@code agent:<id>}). Every other character becomes {@code _}, and a
 * name that is still too long keeps its start and a hash of the whole. The same name always gives
 * the same wire name, so a run rebuilt from its ledger speaks to the model as it did before.
 */
final class ToolNames {

	static final int MAX_LENGTH = 64;

	private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_-]");

	private ToolNames() {
	}

	static String wireName(String name) {
		String safe = NOT_ALLOWED.matcher(name).replaceAll("_");
		if (safe.length() <= MAX_LENGTH) {
			return safe;
		}
		return safe.substring(0, MAX_LENGTH - 9) + "_" + hash(name);
	}

	private static String hash(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
