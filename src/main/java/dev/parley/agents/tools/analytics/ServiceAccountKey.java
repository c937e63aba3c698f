package dev.parley.agents.tools.analytics;

import java.net.URI;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import dev.parley.platform.InvalidFields;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Google service account key, as the JSON file Google hands out: what signs the token requests.
 *
 * @param clientEmail the account, the issuer of every assertion
 * @param privateKeyId the id of the key, named in the assertion's header; {@code null} if absent
 * @param privateKey the RSA key (PKCS#8 PEM in the file)
 * @param tokenUri where assertions are exchanged for access tokens (a URL the user supplied)
 */
record ServiceAccountKey(String clientEmail, @Nullable String privateKeyId, RSAPrivateKey privateKey, URI tokenUri) {

	static final String FIELD = "service_account_json";

	/**
	 * Reads a key file's JSON.
	 * @param allowHttp whether {@code token_uri} may be plain http
	 * @throws InvalidFields on {@value #FIELD}, saying what is wrong (never echoing the key)
	 */
	static ServiceAccountKey parse(String json, JsonMapper mapper, boolean allowHttp) {
		JsonNode node;
		try {
			node = mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw invalid("is not JSON: paste the service account key file's content");
		}
		if (node == null || !node.isObject()) {
			throw invalid("must be the JSON object of a service account key file");
		}
		String type = text(node, "type");
		if (type != null && !type.equals("service_account")) {
			throw invalid("is a key of type '" + clip(type) + "'; a service account key has type 'service_account'");
		}
		String email = text(node, "client_email");
		if (email == null || !email.contains("@") || email.length() > 320) {
			throw invalid("has no client_email: it is not a service account key");
		}
		String pem = text(node, "private_key");
		if (pem == null) {
			throw invalid("has no private_key");
		}
		RSAPrivateKey key = rsaKey(pem);
		String token = text(node, "token_uri");
		if (token == null) {
			throw invalid("has no token_uri");
		}
		URI tokenUri;
		try {
			tokenUri = URI.create(token);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("has a token_uri that is not a URL");
		}
		String scheme = tokenUri.getScheme() == null ? "" : tokenUri.getScheme().toLowerCase(Locale.ROOT);
		if (tokenUri.getHost() == null || !(scheme.equals("https") || (allowHttp && scheme.equals("http")))
				|| tokenUri.getUserInfo() != null) {
			throw invalid("has a token_uri that is not an https URL");
		}
		return new ServiceAccountKey(email, text(node, "private_key_id"), key, tokenUri);
	}

	private static RSAPrivateKey rsaKey(String pem) {
		String body = pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		if (!pem.contains("-----BEGIN PRIVATE KEY-----") || body.isEmpty()) {
			throw invalid("has a private_key that is not a PEM private key (-----BEGIN PRIVATE KEY-----)");
		}
		try {
			byte[] der = Base64.getDecoder().decode(body);
			if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateKey rsa) {
				return rsa;
			}
		}
		catch (IllegalArgumentException | InvalidKeySpecException ex) {
			// falls through to the refusal
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has RSA", ex);
		}
		throw invalid("has a private_key that is not an RSA private key");
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() && !value.asString().isBlank() ? value.asString().trim() : null;
	}

	private static String clip(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}

	private static InvalidFields invalid(String reason) {
		return new InvalidFields(Map.of(FIELD, reason));
	}

	/** Never shows the key, whatever prints it. */
	@Override
	public String toString() {
		return "ServiceAccountKey[clientEmail=" + clientEmail + ", tokenUri=" + tokenUri + ", privateKey=***]";
	}
}
