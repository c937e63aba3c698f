package dev.parley.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses to connect to, for the {@link OutboundAddressGuard}. The
 * system's resolver unless a bean replaces it (a test that maps a name to loopback, say).
 */
@FunctionalInterface
public interface HostResolver {

	/** The operating system's resolver ({@code /etc/hosts}, then DNS). */
	HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

	/**
	 * The addresses of a host name.
	 * @throws UnknownHostException when it has none
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;
}
