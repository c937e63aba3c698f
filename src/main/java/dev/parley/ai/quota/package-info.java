/**
 * Quotas: token and USD budgets per UTC day and month and requests per minute, set by admins per
 * user, per role (for each of its users) and per API key. Before each generation the estimate is
 * held atomically against every limit that applies, in PostgreSQL or, when Redis is configured, in
 * Redis; when it ends the actual usage is settled and the hold released.
 */
@NullMarked
package dev.parley.ai.quota;

import org.jspecify.annotations.NullMarked;
