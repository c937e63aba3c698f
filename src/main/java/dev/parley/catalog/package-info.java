/**
 * The catalogue: products, categories, swipes, preference profiles, recommendations, and the
 * newsletter ({@link dev.parley.catalog.newsletter}).
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = { "ai", "identity", "platform" })
@NullMarked
package dev.parley.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
