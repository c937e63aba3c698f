package dev.parley.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalogue (the affiliate links have theirs, {@code parley.catalog.affiliate}).
 *
 * @param maxAttributeBytes the largest a product's {@code attributes} may be, as stored JSON
 * @param importSettings the bulk import's cap
 */
@ConfigurationProperties("parley.catalog")
record CatalogProperties(@DefaultValue("16384") int maxAttributeBytes,
		@DefaultValue @org.springframework.boot.context.properties.bind.Name("import") ImportSettings importSettings) {

	/** @param maxLines the most lines (blank ones included) one import request may have */
	record ImportSettings(@DefaultValue("5000") int maxLines) {
	}
}
