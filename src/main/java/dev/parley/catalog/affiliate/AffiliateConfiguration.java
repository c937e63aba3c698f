package dev.parley.catalog.affiliate;

import dev.parley.platform.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Affiliate links are public (a browser follows them without a token), and tracking follows the feature flag {@code affiliate_tracking}. */
@Configuration(proxyBeanMethods = false)
class AffiliateConfiguration {

	@Bean
	PublicEndpoints affiliatePublicEndpoints() {
		return PublicEndpoints.of("/r/*");
	}

	@Bean
	ShopLinks shopLinks(AffiliateProperties properties) {
		return new ShopLinks(properties.shopHosts(), properties.params());
	}
}
