/**
 * Webhooks out: endpoints users register, a durable outbox filled in the transaction of what each
 * event tells, and a dispatcher that delivers it signed per the Standard Webhooks spec, in order
 * per endpoint, with the spec's retry schedule, through the platform's address guard.
 */
@NullMarked
package dev.parley.analytics.webhooks;

import org.jspecify.annotations.NullMarked;
