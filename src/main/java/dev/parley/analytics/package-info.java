/**
 * What happened and what it cost: usage records metered from every generation, and the reports
 * built on them. Listens to the other modules' events; owns its own tables.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "ai", "identity", "platform" })
package dev.parley.analytics;

import org.springframework.modulith.ApplicationModule;
