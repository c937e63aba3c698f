/**
 * What every module stands on: RFC 9457 problems, the security filter chain, ids, the clock,
 * cursor pagination, request ids and access logs, health, and the embedded database of a first run.
 */
@ApplicationModule(displayName = "Platform")
package dev.parley.platform;

import org.springframework.modulith.ApplicationModule;
