package dev.parley.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}), of one family.
 *
 * @param network the first address of the block
 * @param prefixLength how many leading bits every address of the block shares with {@code network}
 */
record AddressRange(byte[] network, int prefixLength) {

	AddressRange {
		if (prefixLength < 0 || prefixLength > network.length * 8) {
			throw new IllegalArgumentException("prefix length " + prefixLength + " does not fit the address");
		}
	}

	/**
	 * Parses {@code address/prefix}, or a single address (a block of one). Only address literals:
	 * nothing is looked up.
	 * @throws IllegalArgumentException when the text is not such a block
	 */
	static AddressRange parse(String cidr) {
		String text = cidr.trim();
		int slash = text.indexOf('/');
		String address = slash < 0 ? text : text.substring(0, slash);
		byte[] bytes = AddressLiterals.parse(address)
			.map(InetAddress::getAddress)
			.orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an address or address/prefix"));
		if (address.indexOf(':') >= 0 && bytes.length == 4) {
			// The JDK reads ::ffff:a.b.c.d as the IPv4 address; a block written in IPv6 stays IPv6.
			bytes = new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, bytes[0], bytes[1], bytes[2], bytes[3] };
		}
		int prefix;
		try {
			prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
		}
		return new AddressRange(bytes, prefix);
	}

	boolean contains(byte[] address) {
		if (address.length != network.length) {
			return false;
		}
		int whole = prefixLength / 8;
		for (int i = 0; i < whole; i++) {
			if (address[i] != network[i]) {
				return false;
			}
		}
		int rest = prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (address[whole] & mask) == (network[whole] & mask);
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
