package dev.parley.catalog.affiliate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a product's link may lead: only to an {@code https} url without user info, on the default
 * port, whose host is exactly one of the configured shop hosts (ignoring case and a trailing dot).
 * Anything else, including what {@link URI} cannot parse, has no link, so the redirect can never be
 * an open one. With tracking, the shop's affiliate parameters replace any of the same name.
 */
final class ShopLinks {

	/** A link's target and the shop host it is on. */
	record Target(String location, String host) {
	}

	private final Set<String> hosts;

	private final Map<String, String> params;

	ShopLinks(List<String> hosts, Map<String, String> params) {
		this.hosts = hosts.stream().map(ShopLinks::normalised).filter(host -> !host.isEmpty()).collect(Collectors.toSet());
		this.params = new LinkedHashMap<>();
		params.forEach((host, query) -> this.params.put(normalised(host), query.strip()));
	}

	Optional<Target> target(String url, boolean tracking) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.isOpaque() || uri.getRawUserInfo() != null
				|| uri.getHost() == null || !(uri.getPort() == -1 || uri.getPort() == 443)) {
			return Optional.empty();
		}
		String host = normalised(uri.getHost());
		String authority = uri.getRawAuthority() == null ? "" : normalised(uri.getRawAuthority());
		if (!hosts.contains(host) || !(authority.equals(host) || authority.equals(host + ":443"))) {
			return Optional.empty();
		}
		String affiliate = params.get(host);
		if (!tracking || affiliate == null || affiliate.isEmpty()) {
			return Optional.of(new Target(uri.toString(), host));
		}
		return Optional.of(new Target(withParameters(uri, affiliate), host));
	}

	private static String withParameters(URI uri, String affiliate) {
		Set<String> replaced = names(affiliate);
		List<String> kept = new ArrayList<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				if (!pair.isEmpty() && !replaced.contains(name(pair))) {
					kept.add(pair);
				}
			}
		}
		kept.add(affiliate);
		String link = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
				+ "?" + String.join("&", kept);
		return uri.getRawFragment() == null ? link : link + "#" + uri.getRawFragment();
	}

	private static Set<String> names(String query) {
		Set<String> names = new java.util.HashSet<>();
		for (String pair : query.split("&")) {
			names.add(name(pair));
		}
		return names;
	}

	private static String name(String pair) {
		int equals = pair.indexOf('=');
		return equals < 0 ? pair : pair.substring(0, equals);
	}

	private static String normalised(String host) {
		String lower = host.strip().toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}
}
