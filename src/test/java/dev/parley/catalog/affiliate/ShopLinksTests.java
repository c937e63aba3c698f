package dev.parley.catalog.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a product's link may lead, and how the shop's parameters join its url. */
class ShopLinksTests {

	private final ShopLinks links = new ShopLinks(List.of("shop.example", " Books.Example. "),
			Map.of("shop.example", "tag=parley-20&src=parley"));

	@Test
	void replacesTheShopsParametersAndKeepsTheRestAndTheFragment() {
		assertThat(location("https://shop.example/p/1?tag=other&x=1&src=a#reviews"))
			.contains("https://shop.example/p/1?x=1&tag=parley-20&src=parley#reviews");
		assertThat(location("https://shop.example/p/1")).contains("https://shop.example/p/1?tag=parley-20&src=parley");
		assertThat(location("https://shop.example")).contains("https://shop.example?tag=parley-20&src=parley");
		assertThat(location("HTTPS://SHOP.EXAMPLE./p?q=a%20b")).contains("HTTPS://SHOP.EXAMPLE./p?q=a%20b&tag=parley-20&src=parley");
		assertThat(location("https://shop.example:443/p")).contains("https://shop.example:443/p?tag=parley-20&src=parley");
	}

	@Test
	void leavesTheUrlAsItIsForAShopWithoutParametersOrWithoutTracking() {
		assertThat(location("https://books.example/b?tag=x")).contains("https://books.example/b?tag=x");
		assertThat(links.target("https://shop.example/p?tag=x", false).map(ShopLinks.Target::location))
			.contains("https://shop.example/p?tag=x");
		assertThat(links.target("https://Books.example/b", true).map(ShopLinks.Target::host)).contains("books.example");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//shop.example/p", "shop.example/p", "https://shop.example@evil.example/",
			"https://shop.example%40evil.example/", "https://evil.example#@shop.example", "https://evil.example?@shop.example",
			"http://shop.example/", "ftp://shop.example/", "javascript://shop.example/%0Aalert(1)", "data:text/html,shop.example",
			"https://shop.example:444/", "https://shop.example.evil.example/", "https://xn--shop-example/", "https:shop.example",
			"https://shop.example\\.evil.example/", "https://shop.example\t/", " https://shop.example/", "https://[::1]/",
			"https://127.0.0.1/", "" })
	void hasNoLinkToAnyOtherPlace(String url) {
		assertThat(links.target(url, true)).isEmpty();
	}

	private Optional<String> location(String url) {
		return links.target(url, true).map(ShopLinks.Target::location);
	}
}
