package dev.parley.identity;

/**
 * A key just created: the only moment the server holds it in clear, to show it to its owner once.
 *
 * @param key the stored description
 * @param secret the full key the client sends as its bearer value
 */
record NewApiKey(ApiKey key, String secret) {

	@Override
	public String toString() {
		return "NewApiKey[key=" + key + ", secret=" + key.prefix() + "***]";
	}
}
