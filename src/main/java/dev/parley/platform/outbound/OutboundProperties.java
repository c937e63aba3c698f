package dev.parley.platform.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@link OutboundAddressGuard}; application.yaml names the environment variables.
 *
 * @param allowPrivateAddresses whether calls to user-supplied URLs may reach this machine and
 *     private networks ({@code PARLEY_ALLOW_PRIVATE_BASE_URLS}); off, so users cannot make the
 *     server call its neighbours
 * @param allowedAddresses addresses or CIDR blocks reachable although refused by default
 *     ({@code PARLEY_OUTBOUND_ALLOWED_ADDRESSES}, comma separated, e.g. an office's Ollama {@code 10.20.0.5/32})
 */
@ConfigurationProperties("parley.platform.outbound")
record OutboundProperties(@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue List<String> allowedAddresses) {
}
