package dev.parley.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a host that is written as an address instead of a name, never looking anything up:
 * IPv6 ({@code ::1}, {@code [::ffff:127.0.0.1]}) and IPv4 in every form a C resolver
 * ({@code inet_aton}) or a browser accepts: dotted ({@code 127.0.0.1}), one number
 * ({@code 2130706433}), fewer parts ({@code 127.1}), octal ({@code 0177.0.0.1}) and hex
 * ({@code 0x7f.1}). Those odd forms are how a literal slips past a check that only knows dotted quads.
 */
final class AddressLiterals {

	private static final Pattern IPV4_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

	private AddressLiterals() {
	}

	/** The address the host denotes when it is written as one, else empty (a name). */
	static Optional<InetAddress> parse(String host) {
		String text = host.trim();
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1);
		}
		if (text.endsWith(".")) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.indexOf(':') >= 0) {
			return ipv6(text);
		}
		return ipv4(text.toLowerCase(Locale.ROOT));
	}

	private static Optional<InetAddress> ipv6(String text) {
		// A zone id (fe80::1%eth0) names an interface, not an address; judge the address.
		int zone = text.indexOf('%');
		String address = zone < 0 ? text : text.substring(0, zone);
		if (!address.matches("[0-9a-fA-F:.]+")) {
			return Optional.empty();
		}
		try {
			// Colons and hex digits only: InetAddress parses this as a literal, never resolving it.
			return Optional.of(InetAddress.getByName(address));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static Optional<InetAddress> ipv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length == 0 || parts.length > 4) {
			return Optional.empty();
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			if (!IPV4_PART.matcher(parts[i]).matches()) {
				return Optional.empty();
			}
			Long value = number(parts[i]);
			if (value == null) {
				return Optional.empty();
			}
			values[i] = value;
		}
		long address = 0;
		for (int i = 0; i < values.length - 1; i++) {
			if (values[i] > 0xff) {
				return Optional.empty();
			}
			address |= values[i] << (8 * (3 - i));
		}
		long last = values[values.length - 1];
		if (last >= 1L << (8 * (4 - (values.length - 1)))) {
			return Optional.empty();
		}
		address |= last;
		byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
		try {
			return Optional.of(InetAddress.getByAddress(bytes));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static @Nullable Long number(String part) {
		try {
			if (part.startsWith("0x")) {
				return part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16);
			}
			if (part.length() > 1 && part.startsWith("0")) {
				return Long.parseLong(part.substring(1), 8);
			}
			return Long.parseLong(part);
		}
		catch (NumberFormatException ex) {
			// Too long for a long, or an 8 or 9 in an octal part: not an address at all.
			return null;
		}
	}
}
