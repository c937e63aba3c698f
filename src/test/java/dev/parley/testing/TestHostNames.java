package dev.parley.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Host names of the tests, resolved by the JDK itself (a resolver provider registered in
 * {@code META-INF/services}, not {@code /etc/hosts}): what an attacker's DNS would answer.
 * Every other name goes to the JDK's own resolver.
 */
public final class TestHostNames extends InetAddressResolverProvider {

	/** A name that resolves to loopback, where the canary listens. */
	public static final String LOOPBACK = "canary.example";

	/** A name that resolves to 127.0.0.2, another loopback address a test may allow. */
	public static final String SECOND_LOOPBACK = "redirector.example";

	private static final Map<String, byte[]> NAMES = Map.of(LOOPBACK, new byte[] { 127, 0, 0, 1 }, SECOND_LOOPBACK,
			new byte[] { 127, 0, 0, 2 });

	@Override
	public InetAddressResolver get(Configuration configuration) {
		InetAddressResolver builtin = configuration.builtinResolver();
		return new InetAddressResolver() {

			@Override
			public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
				byte[] address = NAMES.get(host.toLowerCase(java.util.Locale.ROOT));
				return address == null ? builtin.lookupByName(host, policy)
						: Stream.of(InetAddress.getByAddress(host, address));
			}

			@Override
			public String lookupByAddress(byte[] address) throws UnknownHostException {
				return builtin.lookupByAddress(address);
			}
		};
	}

	@Override
	public String name() {
		return "parley-test-host-names";
	}
}
