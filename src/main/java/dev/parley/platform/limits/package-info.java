/**
 * Rate limits, one mechanism for every module: token buckets (Bucket4j) named by a
 * {@link dev.parley.platform.limits.RateLimitPolicy} and a key, in this process or, when Redis is
 * configured, in Redis so that every node counts against the same bucket. Modules consume from
 * {@link dev.parley.platform.limits.RateLimits} directly or declare
 * {@link dev.parley.platform.limits.RateLimitedEndpoints}; a refusal is a 429 problem with
 * {@code Retry-After} and the IETF {@code RateLimit} / {@code RateLimit-Policy} fields.
 */
@NamedInterface("limits")
@NullMarked
package dev.parley.platform.limits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
