/**
 * The outbound address guard: every call to a URL a user supplied (provider base URLs now; MCP
 * servers, webhooks and fetch tools later) connects only to public addresses, judged on the address
 * actually dialled. Modules plug {@link dev.parley.platform.outbound.OutboundAddressGuard} into their
 * HTTP clients.
 */
@NamedInterface("outbound")
@NullMarked
package dev.parley.platform.outbound;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
