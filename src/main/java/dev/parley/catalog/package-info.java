/**
 * The catalogue: products of shops (price, category, tags, free attributes, full-text search), a
 * category tree of any depth, bulk import by external id, and affiliate links that record clicks.
 * Other modules read products through {@link dev.parley.catalog.Products} and categories through
 * {@link dev.parley.catalog.Categories}; products are global, a click is its user's own.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = { "ai", "identity", "platform", "platform :: limits" })
@NullMarked
package dev.parley.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
