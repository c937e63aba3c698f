package dev.parley.agents.tools.analytics;

/**
 * Google (its token endpoint or the Data API) did not give what was asked, or could not be reached.
 * The message is safe to show the model: Google's own words, cleaned and cut, never a token or key.
 */
class GoogleRefused extends Exception {

	private static final int LONGEST = 500;

	GoogleRefused(String message) {
		super(clean(message), null, false, false);
	}

	/** Control characters out, whitespace collapsed, at most {@value #LONGEST} characters. */
	static String clean(String text) {
		String line = text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
		return line.length() <= LONGEST ? line : line.substring(0, LONGEST - 1) + "…";
	}
}
