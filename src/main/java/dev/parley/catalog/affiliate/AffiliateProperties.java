package dev.parley.catalog.affiliate;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of affiliate links.
 *
 * @param shopHosts the hosts a link may lead to ({@code PARLEY_AFFILIATE_SHOP_HOSTS}, comma separated);
 *     a product url on any other host has no link
 * @param params per shop host, the query parameters added to its links ({@code tag=parley-20&src=app}),
 *     replacing parameters of the same names in the product's url
 */
@ConfigurationProperties("parley.catalog.affiliate")
record AffiliateProperties(@DefaultValue List<String> shopHosts,
		@DefaultValue Map<String, String> params) {
}
