package dev.parley.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.SocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one guard of every outbound HTTP call made to a URL a user supplied (their provider base URL
 * today; MCP servers, webhooks and fetch tools later): it refuses to connect to this machine,
 * private, link-local (cloud metadata), carrier-grade NAT, multicast and reserved addresses, so a
 * user cannot make the server call its neighbours. It judges the <em>resolved</em> address at
 * connect time, which covers host names that resolve to such addresses, literals in any notation
 * ({@code 2130706433}, {@code [::ffff:127.0.0.1]}) and DNS rebinding alike.
 * <p>
 * HTTP clients plug it in with two adapters: {@link #socketFactory()}, whose sockets check the
 * address they are asked to connect to, and {@link #resolve(String)}, to resolve names through the
 * guard's {@link HostResolver} and refuse before any connection is tried. A refusal is an
 * {@link OutboundAddressRefused}, an I/O failure like any unreachable host.
 * <p>
 * Settings: {@code parley.platform.outbound} ({@code PARLEY_ALLOW_PRIVATE_BASE_URLS},
 * {@code PARLEY_OUTBOUND_ALLOWED_ADDRESSES}). URLs the operator configured are not guarded.
 */
public final class OutboundAddressGuard {

	private static final Logger log = LoggerFactory.getLogger(OutboundAddressGuard.class);

	private final AddressPolicy policy;

	private final HostResolver resolver;

	private final SocketFactory sockets = new GuardedSocketFactory(this);

	OutboundAddressGuard(AddressPolicy policy, HostResolver resolver) {
		this.policy = policy;
		this.resolver = resolver;
	}

	/**
	 * A guard with the default policy (public addresses only) plus the given blocks.
	 * @param allowPrivate whether every address is allowed (the guard then only resolves)
	 * @param allowedAddresses addresses or CIDR blocks allowed although the policy refuses them
	 * @param resolver how names are resolved
	 * @throws IllegalArgumentException when an allowed block is not an address or CIDR block
	 */
	public static OutboundAddressGuard of(boolean allowPrivate, List<String> allowedAddresses, HostResolver resolver) {
		List<AddressRange> allowed = allowedAddresses.stream()
			.filter(text -> !text.isBlank())
			.map(AddressRange::parse)
			.toList();
		return new OutboundAddressGuard(new AddressPolicy(allowPrivate, allowed), resolver);
	}

	/** Public addresses only, names resolved by the system. */
	public static OutboundAddressGuard standard() {
		return of(false, List.of(), HostResolver.SYSTEM);
	}

	/**
	 * The addresses of a host, every one of them allowed: a literal is read, a name resolved by
	 * the guard's resolver. A name with any refused address is refused as a whole.
	 * @throws OutboundAddressRefused when an address is refused
	 * @throws UnknownHostException when the name has no address
	 */
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		Optional<InetAddress> literal = AddressLiterals.parse(host);
		List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : resolver.resolve(host);
		if (addresses.isEmpty()) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			check(host, address);
		}
		return addresses;
	}

	/**
	 * Checks one address about to be connected to.
	 * @param host the name or literal it came from, for the log
	 * @throws OutboundAddressRefused when the policy refuses it
	 */
	public void check(String host, InetAddress address) throws OutboundAddressRefused {
		Optional<String> refusal = policy.refusal(address);
		if (refusal.isPresent()) {
			log.warn("Refused an outbound connection to {} ({}): {} address", host, address.getHostAddress(),
					refusal.get());
			throw new OutboundAddressRefused(host);
		}
	}

	/**
	 * Whether a host, as written in a URL, is one the guard will refuse whatever DNS says: a
	 * literal of a refused address (in any notation), or {@code localhost} and its sub-domains.
	 * Names are not resolved here; they are judged when a connection is made.
	 */
	public boolean refusesOnSight(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		Optional<InetAddress> literal = AddressLiterals.parse(name);
		if (literal.isPresent()) {
			return policy.refusal(literal.get()).isPresent();
		}
		return (name.equals("localhost") || name.endsWith(".localhost")) && policy.refusal(loopback()).isPresent();
	}

	/** Plain sockets that check the address they connect to; TLS is layered over them by the client. */
	public SocketFactory socketFactory() {
		return sockets;
	}

	private static InetAddress loopback() {
		return InetAddress.getLoopbackAddress();
	}
}
