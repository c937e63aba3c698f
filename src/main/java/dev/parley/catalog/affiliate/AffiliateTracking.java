package dev.parley.catalog.affiliate;

/**
 * Whether affiliate tracking is on: links then carry the shops' affiliate parameters and every
 * click is recorded. Off, a link still leads to the shop's page, bare and unrecorded. Today the
 * setting {@code parley.catalog.affiliate.enabled} answers; the feature flag
 * {@code affiliate_tracking} is meant to.
 */
public interface AffiliateTracking {

	boolean enabled();
}
