package dev.parley.platform.outbound;

import java.net.UnknownHostException;

/**
 * The {@link OutboundAddressGuard} refused to connect to an address. To the HTTP client it is an
 * I/O failure like a host that cannot be found, on purpose: a caller must not learn more about a
 * refused address than about one that does not answer. The message names the host only, never
 * the address or why it was refused (the guard logs that for the operator).
 */
public final class OutboundAddressRefused extends UnknownHostException {

	OutboundAddressRefused(String host) {
		super(host + ": connection refused by the outbound address guard");
	}
}
