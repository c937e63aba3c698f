/**
 * Affiliate links: {@code GET /r/{product_id}} redirects to a product's shop page with the shop's
 * affiliate parameters and records the click, for product urls on configured shop hosts only.
 */
@NullMarked
package dev.parley.catalog.affiliate;

import org.jspecify.annotations.NullMarked;
