package dev.parley.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.parley.testing.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The catalogue's integration tests share one server: an admin email, two shop hosts of which one
 * has affiliate parameters, affiliate tracking on, and a small import cap.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = { "parley.identity.admin-email=" + CatalogClient.ADMIN_EMAIL,
		"parley.platform.flags.defaults.[affiliate_tracking]=true", "parley.catalog.affiliate.shop-hosts=shop.example,books.example",
		"parley.catalog.affiliate.params[shop.example]=tag=parley-20&src=parley",
		"parley.catalog.import.max-lines=50" })
@interface CatalogIntegrationTest {
}
