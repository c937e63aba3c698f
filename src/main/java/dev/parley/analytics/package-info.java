/**
 * What happened and what it cost: usage records metered from every generation, and the reports
 * built on them. Listens to the other modules' events; owns its own tables.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "ai", "identity", "platform" })
@NullMarked
package dev.parley.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
