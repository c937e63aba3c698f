package dev.parley.catalog.recommendation;

import java.util.List;
import java.util.UUID;

import dev.parley.catalog.Product;
import org.jspecify.annotations.Nullable;

/** A product as a swipe card or a recommendation shows it. */
record ProductCard(UUID id, String name, String description, Price price, @Nullable UUID categoryId,
		List<String> tags, @Nullable String imageUrl, @Nullable String url) {

	/** A price: the amount as a decimal string, so no client parses it into a float. */
	record Price(String amount, String currency) {

		/** An amount written as the catalogue writes prices (the currency's minor digits: "50.00"). */
		static Price of(java.math.BigDecimal amount, String currency) {
			return new Price(new dev.parley.catalog.Money(amount, currency).amountText(), currency);
		}
	}

	static ProductCard from(Product product) {
		return new ProductCard(product.id(), product.name(), product.description(),
				new Price(product.price().amountText(), product.price().currency()), product.categoryId(), product.tags(),
				product.imageUrl(), product.url());
	}
}
