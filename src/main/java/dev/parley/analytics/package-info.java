/**
 * What happened and what it cost: usage records metered from every generation, analytics events
 * (sent by clients, and recorded from the other modules' events), and the reports built on them:
 * usage, chat statistics, the admins' cost view. Listens to the other modules' events; owns its own tables.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = { "ai", "conversations", "identity", "platform", "platform :: outbound" })
@NullMarked
package dev.parley.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
