package dev.parley.platform.outbound;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Which addresses outbound calls on a user's behalf may connect to: any public unicast address,
 * and none of this machine's, the private networks', the link-local ones (the cloud metadata
 * service at 169.254.169.254 included), carrier-grade NAT, multicast, broadcast or the reserved
 * blocks. IPv6 addresses that carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that address.
 * <p>
 * The operator may allow what is refused: everything ({@code allowPrivate}, for a development
 * server next to its fakes or a local Ollama), or some blocks ({@code allowed}, an office's LLM server).
 */
final class AddressPolicy {

	/** The blocks refused, each with the reason given in the operator's log. */
	static final List<Refused> REFUSED = List.of(
			refused("0.0.0.0/8", "this network (unspecified)"), refused("10.0.0.0/8", "private network"),
			refused("100.64.0.0/10", "carrier-grade NAT"), refused("127.0.0.0/8", "loopback"),
			refused("169.254.0.0/16", "link-local (cloud metadata)"), refused("172.16.0.0/12", "private network"),
			refused("192.0.0.0/24", "IETF protocol assignments"), refused("192.0.2.0/24", "documentation"),
			refused("192.168.0.0/16", "private network"), refused("198.18.0.0/15", "benchmarking"),
			refused("198.51.100.0/24", "documentation"), refused("203.0.113.0/24", "documentation"),
			refused("224.0.0.0/4", "multicast"), refused("240.0.0.0/4", "reserved and broadcast"),
			refused("::/128", "unspecified"), refused("::1/128", "loopback"),
			refused("64:ff9b:1::/48", "local-use NAT64"), refused("100::/64", "discard-only"),
			refused("2001:db8::/32", "documentation"), refused("fc00::/7", "unique local (private network)"),
			refused("fe80::/10", "link-local"), refused("fec0::/10", "site-local"), refused("ff00::/8", "multicast"));

	private static final AddressRange IPV4_MAPPED = AddressRange.parse("::ffff:0:0/96");

	private static final AddressRange IPV4_COMPATIBLE = AddressRange.parse("::/96");

	private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

	private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

	private final boolean allowPrivate;

	private final List<AddressRange> allowed;

	AddressPolicy(boolean allowPrivate, List<AddressRange> allowed) {
		this.allowPrivate = allowPrivate;
		this.allowed = List.copyOf(allowed);
	}

	/** Why a connection to this address is refused, or empty when it may be made. */
	Optional<String> refusal(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (allowPrivate || allowed.stream().anyMatch(range -> range.contains(bytes))) {
			return Optional.empty();
		}
		return refusal(bytes);
	}

	private Optional<String> refusal(byte[] bytes) {
		for (Refused block : REFUSED) {
			if (block.range().contains(bytes)) {
				return Optional.of(block.reason());
			}
		}
		byte[] embedded = embeddedIpv4(bytes);
		if (embedded != null) {
			if (allowed.stream().anyMatch(range -> range.contains(embedded))) {
				return Optional.empty();
			}
			return refusal(embedded).map(reason -> reason + ", inside an IPv6 address");
		}
		return Optional.empty();
	}

	/** The IPv4 address an IPv6 address carries, or {@code null}. */
	private static byte @Nullable [] embeddedIpv4(byte[] bytes) {
		if (bytes.length != 16) {
			return null;
		}
		if (IPV4_MAPPED.contains(bytes) || IPV4_COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
			return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return new byte[] { bytes[2], bytes[3], bytes[4], bytes[5] };
		}
		return null;
	}

	private static Refused refused(String cidr, String reason) {
		return new Refused(AddressRange.parse(cidr), reason);
	}

	record Refused(AddressRange range, String reason) {
	}
}
