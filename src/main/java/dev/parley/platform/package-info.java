/**
 * What every module stands on: RFC 9457 problems, the security filter chain, ids, the clock,
 * cursor pagination, request ids and access logs, health, the embedded database of a first run, and
 * the outbound address guard ({@link dev.parley.platform.outbound.OutboundAddressGuard}) of every call to a
 * user-supplied URL.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package dev.parley.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
