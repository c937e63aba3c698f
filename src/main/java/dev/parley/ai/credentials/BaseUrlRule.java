package dev.parley.ai.credentials;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What a user's {@code base_url} may be: an absolute http(s) URL with a host and no user info.
 * Unless {@code PARLEY_ALLOW_PRIVATE_BASE_URLS} is on, it may not name this machine or a private,
 * link-local or unspecified address literally, so a user cannot point the server's calls at its
 * own neighbours (metadata services, admin ports). Host names are not resolved here: guarding
 * against names that resolve to such addresses belongs to the HTTP client that connects.
 */
@Component
class BaseUrlRule {

	static final int MAX_LENGTH = 2000;

	private final boolean allowPrivate;

	BaseUrlRule(CredentialsProperties properties) {
		this.allowPrivate = properties.allowPrivateBaseUrls();
	}

	/** Why the URL is refused, or empty when it is fine. */
	Optional<String> problem(String baseUrl) {
		if (baseUrl.length() > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(baseUrl);
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be an absolute http or https URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			return Optional.of("must be an absolute http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("must not contain a user name or password");
		}
		if (!allowPrivate && isLocal(uri.getHost())) {
			return Optional.of("must not name this server or a private network address");
		}
		return Optional.empty();
	}

	private static boolean isLocal(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		if (!isAddressLiteral(name)) {
			return false;
		}
		try {
			// A literal address is parsed, never looked up.
			InetAddress address = InetAddress.getByName(name);
			return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
					|| address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address);
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

	private static boolean isAddressLiteral(String host) {
		return host.startsWith("[") || host.matches("[0-9.]+");
	}

	/** IPv6 unique local addresses (fc00::/7), the IPv6 private networks. */
	private static boolean isUniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}
}
