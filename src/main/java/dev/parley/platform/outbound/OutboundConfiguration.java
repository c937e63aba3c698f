package dev.parley.platform.outbound;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link OutboundAddressGuard} from {@link OutboundProperties}, resolving names with the
 * {@link HostResolver} bean when there is one, else with the system's resolver.
 */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

	@Bean
	OutboundAddressGuard outboundAddressGuard(OutboundProperties properties, ObjectProvider<HostResolver> resolver) {
		try {
			return OutboundAddressGuard.of(properties.allowPrivateAddresses(), properties.allowedAddresses(),
					resolver.getIfAvailable(() -> HostResolver.SYSTEM));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("parley.platform.outbound.allowed-addresses "
					+ "(PARLEY_OUTBOUND_ALLOWED_ADDRESSES): " + ex.getMessage(), ex);
		}
	}
}
