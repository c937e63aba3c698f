package dev.parley.catalog.affiliate;

import dev.parley.platform.PublicEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Affiliate links are public (a browser follows them without a token), and tracking follows its setting. */
@Configuration(proxyBeanMethods = false)
class AffiliateConfiguration {

	@Bean
	PublicEndpoints affiliatePublicEndpoints() {
		return PublicEndpoints.of("/r/*");
	}

	@Bean
	@ConditionalOnMissingBean
	AffiliateTracking affiliateTrackingSetting(AffiliateProperties properties) {
		return properties::enabled;
	}

	@Bean
	ShopLinks shopLinks(AffiliateProperties properties) {
		return new ShopLinks(properties.shopHosts(), properties.params());
	}
}
