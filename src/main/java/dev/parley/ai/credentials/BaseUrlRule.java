package dev.parley.ai.credentials;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import dev.parley.platform.outbound.OutboundAddressGuard;
import org.springframework.stereotype.Component;

/**
 * What a user's {@code base_url} may be: an absolute http(s) URL with a host and no user info, whose
 * host the {@link OutboundAddressGuard} does not refuse on sight ({@code localhost}, or a literal
 * of this machine's, a private or another refused address, in any notation such as
 * {@code 2130706433}). This is only the early answer a form deserves: host names are judged by the
 * guard when the server connects, on the addresses they resolve to.
 */
@Component
class BaseUrlRule {

	static final int MAX_LENGTH = 2000;

	private final OutboundAddressGuard guard;

	BaseUrlRule(OutboundAddressGuard guard) {
		this.guard = guard;
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
		if (guard.refusesOnSight(uri.getHost())) {
			return Optional.of("must not name this server or a private network address");
		}
		return Optional.empty();
	}
}
